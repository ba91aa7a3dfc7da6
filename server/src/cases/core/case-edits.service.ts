import { Injectable } from '@nestjs/common';
import { CaseDetailView, FieldError, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, ValidationFailedError } from '@ruta/platform';
import { PlaceReference, PlacesService } from '@ruta/places';
import { CaseAccessService } from './case-access.service';
import { CaseDetailsService } from './case-details.service';
import { CaseRecordsRepository } from './case-records.repository';
import { ageColumns, auditableChanges, CaseWriteSupport, sentFields } from './case-write-support.service';
import { CaseEntity } from './case.entity';
import { CasesRepository } from './cases.repository';
import { UpdateCaseDto } from './dto/case-requests.dto';
import { VictimsRepository } from './victims.repository';

const REQUIRED = ['source', 'scope', 'identifiedOn', 'traffickingStatus', 'purposes'] as const;

/** Edits of a case's own fields and trafficking situation, with optimistic locking. */
@Injectable()
export class CaseEditsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly records: CaseRecordsRepository,
    private readonly victims: VictimsRepository,
    private readonly places: PlacesService,
    private readonly support: CaseWriteSupport,
    private readonly details: CaseDetailsService,
    private readonly audit: AuditService,
  ) {}

  async update(actor: Actor, code: string, dto: UpdateCaseDto): Promise<CaseDetailView> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.casesUpdate);
    const { version, events, ...patch } = sentFields(dto) as UpdateCaseDto;
    const errors: FieldError[] = REQUIRED.filter((k) => (patch as Record<string, unknown>)[k] === null).map((field) => ({ field, code: 'required', message: `${field} cannot be empty` }));
    if (errors.length) throw new ValidationFailedError(errors);

    const changes: Partial<CaseEntity> = { ...(patch as Partial<CaseEntity>) };
    const place: PlaceReference = { field: 'case', countryCode: 'CO', departmentCode: patch.departmentCode, municipalityCode: patch.municipalityCode };
    const eventRefs: PlaceReference[] = (events ?? []).map((e, i) => ({ field: `events.${i}`, ...e }));
    const placeErrors = await this.places.check([...(patch.departmentCode || patch.municipalityCode ? [place] : []), ...eventRefs]);
    if (placeErrors.length) throw new ValidationFailedError(placeErrors.map((e) => ({ ...e, field: e.field.replace(/^case\./, '') })));
    if (patch.departmentCode || patch.municipalityCode) {
      changes.departmentCode = place.departmentCode ?? null;
      changes.municipalityCode = patch.municipalityCode ?? null;
    }
    if ((changes.scope ?? found.scope) === 'internal') changes.direction = null;
    if (patch.traffickingStatus && patch.traffickingStatus !== found.traffickingStatus) {
      Object.assign(changes, { traffickingStatusInstitutionId: actor.institutionId, traffickingStatusDecidedAt: new Date() });
    }

    if (version !== found.version) throw await this.support.staleVersion(found.id, version);
    const { fields, changes: audited } = auditableChanges(found, changes);
    if (events) fields.push('events');
    if (!fields.length) return this.details.build(actor, found);

    if (events || changes.identifiedOn) {
      const victim = this.access.canReadIdentity(actor) ? await this.victims.find(found.id) : null;
      if (victim) Object.assign(changes, ageColumns(await this.support.ageFacts(found.id, changes.identifiedOn ?? found.identifiedOn, victim, events)));
    }
    if (!(await this.cases.updateVersioned(found.id, version, changes))) throw await this.support.staleVersion(found.id, version);
    if (events) await this.records.replaceEvents(found.id, events.map((e, i) => ({ ...e, departmentCode: eventRefs[i].departmentCode ?? null })));
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { fromVersion: version, toVersion: version + 1, fields, changes: audited } });
    return this.details.build(actor, (await this.access.requireCase(actor, found.code))!);
  }
}
