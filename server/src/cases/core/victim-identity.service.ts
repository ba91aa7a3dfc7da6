import { Injectable } from '@nestjs/common';
import { CaseDetailView, FieldError, PERMISSIONS } from '@ruta/shared';
import { Actor, can, AuditService, ForbiddenError, NotFoundError, ValidationFailedError } from '@ruta/platform';
import { isCountryCode } from '@ruta/places';
import { CaseAccessService } from './case-access.service';
import { CaseDetailsService } from './case-details.service';
import { ageColumns, CaseWriteSupport, sentFields } from './case-write-support.service';
import { CasesRepository } from './cases.repository';
import { UpdateVictimDto } from './dto/case-requests.dto';
import { VictimEntity } from './victim.entity';
import { VictimsRepository } from './victims.repository';

/** Field errors of identity input that class-validator cannot see alone. */
export function identityErrors(input: { nationality?: string | null; birthDate?: string | null; estimatedAge?: number | null }, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (input.nationality && !isCountryCode(input.nationality)) {
    errors.push({ field: `${prefix}nationality`, code: 'invalid_country', message: 'nationality must be an ISO 3166-1 alpha-2 code' });
  }
  if (input.birthDate && input.estimatedAge != null) {
    errors.push({ field: `${prefix}estimatedAge`, code: 'conflicts_with_birthDate', message: 'give a birth date or an estimated age, not both' });
  }
  return errors;
}

/**
 * Edits of the victim's identity (`victim_identity:update`). The case version covers them, so one conflict check
 * protects the whole case. The audit names the changed fields, never their values.
 */
@Injectable()
export class VictimIdentityService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly victims: VictimsRepository,
    private readonly support: CaseWriteSupport,
    private readonly details: CaseDetailsService,
    private readonly audit: AuditService,
  ) {}

  async update(actor: Actor, code: string, dto: UpdateVictimDto): Promise<CaseDetailView> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.victimIdentityUpdate);
    if (!this.access.canReadIdentity(actor)) throw new ForbiddenError();
    const { version, shelterLocation, ...patch } = sentFields(dto) as UpdateVictimDto;
    if (shelterLocation !== undefined && !can(actor, PERMISSIONS.victimLocationRead)) throw new ForbiddenError('location_forbidden', 'Your role may not record a shelter location');
    const victim = await this.victims.find(found.id);
    if (!victim) throw new NotFoundError('case');

    const errors: FieldError[] = (['givenNames', 'sex'] as const).filter((k) => patch[k] === null).map((field) => ({ field, code: 'required', message: `${field} cannot be empty` }));
    const merged = { ...victim, ...patch } as VictimEntity;
    errors.push(...identityErrors({ nationality: patch.nationality, birthDate: merged.birthDate, estimatedAge: patch.birthDate ? undefined : patch.estimatedAge }));
    if (patch.birthDate && victim.estimatedAge != null && patch.estimatedAge === undefined) merged.estimatedAge = null;
    if (patch.estimatedAge != null && victim.birthDate && patch.birthDate === undefined) merged.birthDate = null;
    if (errors.length) throw new ValidationFailedError(errors);
    if (version !== found.version) throw await this.support.staleVersion(found.id, version);

    const changes: Partial<VictimEntity> = { ...(patch as Partial<VictimEntity>), birthDate: merged.birthDate, estimatedAge: merged.estimatedAge };
    const fields = Object.keys(patch).filter((k) => JSON.stringify((victim as unknown as Record<string, unknown>)[k] ?? null) !== JSON.stringify((patch as Record<string, unknown>)[k] ?? null));
    if (shelterLocation !== undefined) fields.push('shelterLocation');
    if (!fields.length) return this.details.build(actor, found);

    const facts = await this.support.ageFacts(found.id, found.identifiedOn, merged);
    if (!(await this.cases.updateVersioned(found.id, version, ageColumns(facts)))) throw await this.support.staleVersion(found.id, version);
    await this.victims.update(found.id, changes, merged);
    if (shelterLocation !== undefined) await this.victims.saveLocation(found.id, shelterLocation, !!(await this.victims.findLocation(found.id)));
    await this.audit.record({
      action: 'update',
      entityType: 'case',
      entityId: found.id,
      details: { section: 'victim', fromVersion: version, toVersion: version + 1, fields: fields.map((f) => `victim.${f}`), masked: true },
    });
    return this.details.build(actor, (await this.access.requireCase(actor, found.code))!);
  }
}
