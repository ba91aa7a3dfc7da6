import { Injectable } from '@nestjs/common';
import { ConsentInput, ConsentPurpose, ConsentView, FieldError, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, ConflictError, NotFoundError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService } from '../core';
import { institutionRef, userRef, InstitutionsRepository } from '@ruta/identity';
import { ConsentEntity } from './consent.entity';
import { ConsentsRepository } from './consents.repository';

function toConsentView(k: ConsentEntity): ConsentView {
  return {
    id: k.id,
    purpose: k.purpose,
    ...(k.institutionId ? { institutionId: k.institutionId } : {}),
    institution: k.institution ? institutionRef(k.institution) : null,
    grantedBy: k.grantedBy,
    method: k.method,
    grantedAt: k.grantedAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
    recordedBy: userRef(k.recordedBy, k.recordedById),
    valid: !k.revokedAt,
  };
}

/**
 * Purpose-bound consent (Law 1581/2012). `hasValidConsent` is the one place later features (referrals) ask
 * whether a case's data may be used for a purpose, or shared with an institution.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly consents: ConsentsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Whether an unrevoked consent covers this purpose; for `sharing`, with that institution. */
  async hasValidConsent(caseId: string, purpose: ConsentPurpose, institutionId?: string): Promise<boolean> {
    if (purpose === 'sharing' && !institutionId) return false;
    return (await this.consents.countValid(caseId, purpose, purpose === 'sharing' ? institutionId : undefined)) > 0;
  }

  /** The valid consent to share this case with that institution (the referral gate relies on it), if any. */
  async validSharingConsent(caseId: string, institutionId: string): Promise<{ id: string; grantedAt: Date } | null> {
    const found = await this.consents.validSharing(caseId, institutionId);
    return found ? { id: found.id, grantedAt: found.grantedAt } : null;
  }

  /** Field errors of consent input: sharing names an institution that exists, other purposes name none. */
  async check(inputs: ConsentInput[], prefix: string): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const named = inputs.map((k) => k.institutionId).filter((id): id is string => !!id);
    const known = new Set((await this.institutions.findByIds(named)).map((i) => i.id));
    for (const [i, input] of inputs.entries()) {
      const field = `${prefix}${i}.institutionId`;
      if (input.purpose === 'sharing' && !input.institutionId) errors.push({ field, code: 'required', message: 'sharing consent must name the institution' });
      if (input.purpose !== 'sharing' && input.institutionId) errors.push({ field, code: 'not_applicable', message: 'only sharing consent names an institution' });
      if (input.institutionId && !known.has(input.institutionId)) errors.push({ field, code: 'invalid_reference', message: 'No institution has this id' });
    }
    return errors;
  }

  /** Records consents of a case already checked by the caller (intake). */
  async record(actor: Actor, caseId: string, inputs: ConsentInput[]): Promise<string[]> {
    return this.consents.insertMany(inputs.map((k) => ({ ...k, institutionId: k.institutionId ?? null, grantedAt: new Date(k.grantedAt), caseId, recordedById: actor.userId })));
  }

  async list(actor: Actor, code: string): Promise<ConsentView[]> {
    const rows = await this.access.readCase(actor, code, PERMISSIONS.consentRead, (found) => this.consents.list(found.id), (r) => ({ section: 'consents', count: r.length }));
    return rows.map(toConsentView);
  }

  async create(actor: Actor, code: string, input: ConsentInput): Promise<ConsentView[]> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.consentManage);
    const errors = await this.check([input], '');
    if (errors.length) throw new ValidationFailedError(errors.map((e) => ({ ...e, field: e.field.replace(/^0\./, '') })));
    const [id] = await this.record(actor, found.id, [input]);
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { fields: ['consents'], consent: id, purpose: input.purpose } });
    return (await this.consents.list(found.id)).map(toConsentView);
  }

  async revoke(actor: Actor, code: string, consentId: string): Promise<ConsentView[]> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.consentManage);
    const consent = await this.consents.findOne(found.id, consentId);
    if (!consent) throw new NotFoundError('consent');
    if (!(await this.consents.revoke(consentId, actor.userId))) throw new ConflictError('already_revoked', 'This consent was already revoked');
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { fields: ['consents'], revoked: consentId, purpose: consent.purpose } });
    return (await this.consents.list(found.id)).map(toConsentView);
  }
}
