import { allowedReferralMoves, isReferralOverdue, REFERRAL_AWAITING_STATUSES, ReferralEventView, ReferralListItem, ReferralSide, ReferralView } from '@ruta/shared';
import { institutionRef, userRef } from '@ruta/identity';
import { ReferralEventEntity } from './referral-event.entity';
import { ReferralEntity } from './referral.entity';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Which side of a referral an institution is on, if any. */
export function sideOf(r: Pick<ReferralEntity, 'fromInstitutionId' | 'toInstitutionId'>, institutionId: string): ReferralSide | null {
  if (r.fromInstitutionId === institutionId) return 'sender';
  if (r.toInstitutionId === institutionId) return 'receiver';
  return null;
}

/** Marked by the deadline job, or past its deadline now: either way still awaiting acceptance. */
export function overdue(r: ReferralEntity, now: Date): boolean {
  return (!!r.overdueAt && REFERRAL_AWAITING_STATUSES.includes(r.status)) || isReferralOverdue(r, now);
}

export function toListItem(r: ReferralEntity, now: Date): ReferralListItem {
  return {
    id: r.id,
    caseCode: r.caseCode,
    from: institutionRef(r.fromInstitution!),
    to: institutionRef(r.toInstitution!),
    purpose: r.purpose,
    urgency: r.urgency,
    status: r.status,
    sections: r.sections,
    deadlineAt: iso(r.deadlineAt),
    overdue: overdue(r, now),
    sentAt: iso(r.sentAt),
    createdAt: iso(r.createdAt)!,
    override: r.overrideGround,
    accessEnded: r.accessEndReason,
  };
}

export function toEventView(e: ReferralEventEntity): ReferralEventView {
  return {
    at: iso(e.at)!,
    kind: e.kind,
    from: e.fromStatus,
    to: e.toStatus,
    reason: e.reason,
    actor: e.byUserId ? userRef(e.byUser, e.byUserId) : null,
    institution: e.byInstitution ? institutionRef(e.byInstitution) : null,
  };
}

export function toReferralView(r: ReferralEntity, extra: { now: Date; institutionId: string; canManage: boolean; documentIds: string[]; history: ReferralEventEntity[] }): ReferralView {
  const side = sideOf(r, extra.institutionId);
  const open = !r.accessEndedAt || side === 'sender';
  return {
    ...toListItem(r, extra.now),
    version: r.version,
    message: r.message,
    documentIds: extra.documentIds,
    consent: r.consentId && r.consent ? { id: r.consentId, grantedAt: r.consent.grantedAt.toISOString() } : r.consentId ? { id: r.consentId, grantedAt: '' } : null,
    overrideJustification: r.overrideJustification,
    createdBy: userRef(r.createdBy, r.createdById),
    assignee: r.assigneeId ? userRef(r.assignee, r.assigneeId) : null,
    receivedAt: iso(r.receivedAt),
    acceptedAt: iso(r.acceptedAt),
    startedAt: iso(r.startedAt),
    completedAt: iso(r.completedAt),
    outcome: r.outcome,
    declinedAt: iso(r.declinedAt),
    declineReason: r.declineReason,
    cancelledAt: iso(r.cancelledAt),
    cancelReason: r.cancelReason,
    accessEndedAt: iso(r.accessEndedAt),
    side,
    moves: side && extra.canManage && open ? allowedReferralMoves(r.status, side).filter((m) => m !== 'received') : [],
    history: extra.history.map(toEventView),
  };
}
