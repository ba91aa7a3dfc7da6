import { Injectable } from '@nestjs/common';
import {
  FieldError,
  isReferralDeclineReason,
  PERMISSIONS,
  REFERRAL_DECLINE_REASON,
  planReferralMove,
  REFERRAL_OPEN_STATUSES,
  ReferralConsentCheck,
  ReferralMoveRefusal,
  ReferralPage,
  ReferralSection,
  ReferralStatus,
  ReferralView,
  referralDeadline,
  sectionsNeedingConsent,
  seesEveryCase,
} from '@ruta/shared';
import { Actor, AuditService, can, ConflictError, decodeCursor, encodeCursor, ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService, CaseEntity, ConsentsService } from '@ruta/cases';
import { InstitutionsRepository } from '@ruta/identity';
import { ReferralNotifier } from '../notifications/referral-notifier.service';
import { Clock } from '@ruta/platform';
import { CreateReferralDto, ReferralConsentCheckDto, ReferralListQueryDto, ReferralMoveDto } from './dto/referral-requests.dto';
import { ReferralEntity } from './referral.entity';
import { sideOf, toListItem, toReferralView } from './referral-views';
import { ReferralsRepository } from './referrals.repository';

const DEFAULT_LIMIT = 25;

/** Which timestamp and detail columns each move writes. */
function changesFor(to: ReferralStatus, now: Date, plan: { assigneeId: string | null; outcome: string | null; reason: string | null }): Partial<ReferralEntity> {
  switch (to) {
    case 'received':
      return { status: to, receivedAt: now };
    case 'accepted':
      return { status: to, acceptedAt: now, assigneeId: plan.assigneeId };
    case 'in_progress':
      return { status: to, startedAt: now };
    case 'completed':
      return { status: to, completedAt: now, outcome: plan.outcome };
    case 'declined':
      return { status: to, declinedAt: now, declineReason: plan.reason };
    case 'cancelled':
      return { status: to, cancelledAt: now, cancelReason: plan.reason };
    default:
      return { status: to };
  }
}

/**
 * Referrals of a case from one institution to another: the consent gate, the status machine, inbox and outbox. What
 * the receiving side may see of the case is served by ReferralSharingService; row-level security decides it again.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly access: CaseAccessService,
    private readonly consents: ConsentsService,
    private readonly institutions: InstitutionsRepository,
    private readonly notifier: ReferralNotifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The consent gate, answered for the refer dialog before anything is sent. */
  async checkConsent(actor: Actor, dto: ReferralConsentCheckDto): Promise<ReferralConsentCheck> {
    const found = await this.access.requireCase(actor, dto.caseCode, PERMISSIONS.referralsManage);
    const consent = await this.consents.validSharingConsent(found.id, dto.toInstitutionId);
    const gatedSections = sectionsNeedingConsent(dto.sections);
    const canOverride = can(actor, PERMISSIONS.referralsOverride);
    return { consent: consent && { id: consent.id, grantedAt: consent.grantedAt.toISOString() }, gatedSections, allowed: !gatedSections.length || !!consent || canOverride, canOverride };
  }

  async create(actor: Actor, dto: CreateReferralDto): Promise<ReferralView> {
    const found = await this.access.requireCase(actor, dto.caseCode, PERMISSIONS.referralsManage);
    const sections: ReferralSection[] = ['summary', ...dto.sections.filter((s) => s !== 'summary')];
    const documentIds = dto.documentIds ?? [];
    const errors = await this.checkRequest(actor, found, dto, sections, documentIds);
    if (errors.length) throw new ValidationFailedError(errors);
    const gate = await this.gate(actor, found.id, dto.toInstitutionId, sections, dto.override);

    const send = dto.send !== false;
    const now = this.clock.now();
    const id = await this.referrals.insert(
      {
        caseId: found.id,
        caseCode: found.code,
        fromInstitutionId: actor.institutionId,
        toInstitutionId: dto.toInstitutionId,
        createdById: actor.userId,
        purpose: dto.purpose,
        urgency: dto.urgency,
        message: dto.message?.trim() || null,
        sections,
        consentId: gate.consentId,
        overrideGround: gate.override?.ground ?? null,
        overrideJustification: gate.override?.justification.trim() ?? null,
        status: send ? 'sent' : 'draft',
        sentAt: send ? now : null,
        deadlineAt: send ? referralDeadline(now, await this.referrals.deadlineHours(dto.urgency)) : null,
      },
      sections.includes('documents') ? documentIds : [],
    );
    await this.referrals.insertEvent({ referralId: id, kind: 'status', fromStatus: null, toStatus: send ? 'sent' : 'draft', byUserId: actor.userId, byInstitutionId: actor.institutionId });
    await this.audit.record({
      action: 'create',
      entityType: 'case',
      entityId: found.id,
      details: { referral: id, status: send ? 'sent' : 'draft', sections, documents: documentIds.length, ...(gate.override ? { override: gate.override.ground } : { consent: gate.consentId }) },
    });
    if (send) await this.notifier.notify(id, dto.toInstitutionId, 'referral_received', 'sent');
    return this.view(actor, id);
  }

  /** Field errors of a referral request, before the consent gate. */
  private async checkRequest(actor: Actor, found: CaseEntity, dto: CreateReferralDto, sections: ReferralSection[], documentIds: string[]): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (dto.toInstitutionId === actor.institutionId) errors.push({ field: 'toInstitutionId', code: 'same_institution', message: 'a referral goes to another institution' });
    else if (!(await this.institutions.findById(dto.toInstitutionId))?.active) errors.push({ field: 'toInstitutionId', code: 'invalid_reference', message: 'No active institution has this id' });
    // Assistance plans arrive with a later issue: until then no case has one to share.
    if (sections.includes('assistance')) errors.push({ field: 'sections', code: 'not_available', message: 'this case has no assistance plan to share' });
    if (sections.includes('documents')) {
      if (!documentIds.length) errors.push({ field: 'documentIds', code: 'required', message: 'choose the documents to share' });
      const known = new Set(await this.referrals.caseDocumentIds(found.id, documentIds));
      if (documentIds.some((d) => !known.has(d))) errors.push({ field: 'documentIds', code: 'invalid_reference', message: 'every document must belong to the case' });
    } else if (documentIds.length) errors.push({ field: 'documentIds', code: 'not_applicable', message: 'documents are shared only with the documents section' });
    return errors;
  }

  /**
   * The consent gate: identity, situation and documents go only under a valid consent that covers the destination.
   * Without one, only `referrals:override` with a legal ground and a justification (audited, listed for coordinators).
   */
  private async gate(actor: Actor, caseId: string, toInstitutionId: string, sections: ReferralSection[], override: CreateReferralDto['override']) {
    const consent = await this.consents.validSharingConsent(caseId, toInstitutionId);
    const gated = sectionsNeedingConsent(sections);
    if (consent || !gated.length) {
      if (override) throw new ValidationFailedError([{ field: 'override', code: 'not_applicable', message: consent ? 'a valid consent covers this referral' : 'nothing shared needs a consent' }]);
      return { consentId: consent?.id ?? null, override: null };
    }
    if (!override) {
      throw new ValidationFailedError(
        [{ field: 'sections', code: 'consent_required', message: `no valid sharing consent covers ${gated.join(', ')} for this institution` }],
        'Sharing these sections needs a valid consent to share with the receiving institution',
      );
    }
    if (!can(actor, PERMISSIONS.referralsOverride)) throw new ForbiddenError('override_not_permitted', 'Your role cannot share without consent');
    return { consentId: null, override };
  }

  async get(actor: Actor, id: string): Promise<ReferralView> {
    const found = await this.require(actor, id);
    // The receiving institution's first opening marks it received.
    if (found.status === 'sent' && sideOf(found, actor.institutionId) === 'receiver' && !found.accessEndedAt) {
      await this.apply(actor, found, found.version, 'received', { assigneeId: null, outcome: null, reason: null });
    }
    await this.audit.record({ action: 'read', entityType: 'case', entityId: found.caseId, details: { section: 'referral', referral: id } });
    return this.view(actor, id);
  }

  async move(actor: Actor, id: string, dto: ReferralMoveDto): Promise<ReferralView> {
    const found = await this.require(actor, id);
    const side = sideOf(found, actor.institutionId);
    if (!side) throw new ForbiddenError('not_a_party', 'Only the sending or the receiving institution acts on a referral');
    if (side === 'receiver' && found.accessEndedAt) throw new ConflictError('access_ended', 'The consent this referral relied on was revoked');
    if (dto.version !== found.version) throw new StaleVersionError(found.version);
    const plan = planReferralMove(found.status, side, dto);
    if ('error' in plan) throw this.refusal(plan, found.status, dto.to);
    if (plan.to === 'declined' && !isReferralDeclineReason(plan.reason)) {
      throw new ValidationFailedError([{ field: 'reason', code: 'invalid_option', message: `reason must be one of: ${REFERRAL_DECLINE_REASON.values.join(', ')}` }]);
    }
    if (plan.to === 'accepted' && !(await this.referrals.findMember(plan.assigneeId!, actor.institutionId))) {
      throw new ValidationFailedError([{ field: 'assigneeId', code: 'invalid_reference', message: 'the assignee must be an active user of the receiving institution' }]);
    }
    if (plan.to === 'sent') await this.gate(actor, found.caseId, found.toInstitutionId, found.sections, found.overrideGround ? { ground: found.overrideGround, justification: found.overrideJustification! } : undefined);
    await this.apply(actor, found, dto.version, plan.to, plan);
    return this.view(actor, id);
  }

  private refusal(plan: ReferralMoveRefusal, from: ReferralStatus, to: ReferralStatus) {
    if (plan.error === 'not_allowed' || plan.error === 'wrong_side') {
      return new ConflictError('transition_not_allowed', `This side cannot move a ${from} referral to ${to}`, [{ field: 'to', code: plan.error, message: `${from} → ${to} is not allowed here` }]);
    }
    const field = plan.field ?? 'to';
    return new ValidationFailedError([{ field, code: plan.error, message: `${field}: ${plan.error.replace(/_/g, ' ')}` }]);
  }

  /** One move: versioned update, its history, its audit event (shown in the case timeline), the other side notified. */
  private async apply(actor: Actor, found: ReferralEntity, version: number, to: ReferralStatus, plan: { assigneeId: string | null; outcome: string | null; reason: string | null }): Promise<void> {
    const now = this.clock.now();
    const changes = changesFor(to, now, plan);
    if (to === 'sent') Object.assign(changes, { sentAt: now, deadlineAt: referralDeadline(now, await this.referrals.deadlineHours(found.urgency)) });
    if (!(await this.referrals.updateVersioned(found.id, version, changes))) throw new StaleVersionError((await this.referrals.currentVersion(found.id)) ?? undefined);
    await this.referrals.insertEvent({ referralId: found.id, kind: 'status', fromStatus: found.status, toStatus: to, reason: plan.reason ?? plan.outcome, byUserId: actor.userId, byInstitutionId: actor.institutionId });
    await this.audit.record({ action: 'transition', entityType: 'case', entityId: found.caseId, details: { referral: found.id, from: found.status, to } });
    const other = sideOf(found, actor.institutionId) === 'sender' ? found.toInstitutionId : found.fromInstitutionId;
    if (to !== 'draft') await this.notifier.notify(found.id, other, to === 'sent' ? 'referral_received' : 'referral_status', to);
  }

  async list(actor: Actor, query: ReferralListQueryDto): Promise<ReferralPage> {
    if (query.box === 'all' && !seesEveryCase(actor.scope)) throw new ForbiddenError('review_only', 'Only coordinators see every institution\u2019s referrals');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor<{ k: string; id: string }>(query.cursor) : undefined;
    const now = this.clock.now();
    const { institutionId: otherInstitutionId, ...filters } = query;
    const { rows, keys, total } = await this.referrals.page({ ...filters, otherInstitutionId, institutionId: actor.institutionId, now, after, limit });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map((r) => toListItem(r, now)), total, limit, ...(rows.length > limit && last ? { nextCursor: encodeCursor({ k: keys[limit - 1], id: last.id }) } : {}) };
  }

  /** A referral the actor's institution is party to, or any for the all-case scopes (RLS says the same). */
  async require(actor: Actor, id: string): Promise<ReferralEntity> {
    const found = await this.referrals.findById(id);
    const reviewer = seesEveryCase(actor.scope);
    if (!found || (!sideOf(found, actor.institutionId) && !reviewer)) throw new NotFoundError('referral');
    if (found.status === 'draft' && sideOf(found, actor.institutionId) !== 'sender') throw new NotFoundError('referral');
    return found;
  }

  /** Whether the receiving side may see the shared sections now. */
  static isOpenTo(found: ReferralEntity, institutionId: string): boolean {
    return found.toInstitutionId === institutionId && REFERRAL_OPEN_STATUSES.includes(found.status) && !found.accessEndedAt;
  }

  private async view(actor: Actor, id: string): Promise<ReferralView> {
    const found = (await this.referrals.findById(id))!;
    return toReferralView(found, {
      now: this.clock.now(),
      institutionId: actor.institutionId,
      canManage: can(actor, PERMISSIONS.referralsManage),
      documentIds: await this.referrals.documentIds(id),
      history: await this.referrals.history(id),
    });
  }
}
