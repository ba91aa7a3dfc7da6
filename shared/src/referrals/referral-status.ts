import { labelled, OptionOf } from '../common/labelled';

/**
 * Referral status machine (DOMAIN.md): draft → sent → received (first opened by the receiving institution) → accepted
 * (an assignee named) → in progress → completed (an outcome) | declined (a reason); cancelled by the sender while open.
 * Overdue is not a status but a mark: the deadline passed before acceptance (`isReferralOverdue`), set by the deadline
 * job so that it can be listed, counted and notified once.
 */
export const REFERRAL_STATUS = labelled({
  draft: ['Borrador', 'Draft'],
  sent: ['Enviada', 'Sent'],
  received: ['Recibida', 'Received'],
  accepted: ['Aceptada', 'Accepted'],
  in_progress: ['En curso', 'In progress'],
  completed: ['Completada', 'Completed'],
  declined: ['Rechazada', 'Declined'],
  cancelled: ['Cancelada', 'Cancelled'],
});
export type ReferralStatus = OptionOf<typeof REFERRAL_STATUS>;

/** Allowed moves of the referral status machine. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['sent', 'cancelled'],
  sent: ['received', 'declined', 'cancelled'],
  received: ['accepted', 'declined', 'cancelled'],
  accepted: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  declined: [],
  cancelled: [],
};

/** Which side of a referral makes each move: the sending institution or the receiving one. */
export type ReferralSide = 'sender' | 'receiver';
export const REFERRAL_MOVE_SIDE: Readonly<Record<Exclude<ReferralStatus, 'draft'>, ReferralSide>> = {
  sent: 'sender',
  cancelled: 'sender',
  received: 'receiver',
  accepted: 'receiver',
  in_progress: 'receiver',
  completed: 'receiver',
  declined: 'receiver',
};

/** While in one of these (and its consent holds), the receiving institution sees the shared sections. */
export const REFERRAL_OPEN_STATUSES: readonly ReferralStatus[] = ['sent', 'received', 'accepted', 'in_progress'];
/** Before acceptance: the statuses in which a passed deadline makes a referral overdue. */
export const REFERRAL_AWAITING_STATUSES: readonly ReferralStatus[] = ['sent', 'received'];

export interface ReferralMoveRequest {
  to: ReferralStatus;
  /** For `accepted`: the user of the receiving institution who takes it. */
  assigneeId?: string;
  /** For `completed`. */
  outcome?: string;
  /** Required for `declined`; optional for `cancelled`. */
  reason?: string;
}

export type ReferralMoveRefusal = {
  error: 'not_allowed' | 'wrong_side' | 'assignee_required' | 'outcome_required' | 'reason_required' | 'not_applicable';
  field?: 'assigneeId' | 'outcome' | 'reason';
};

export interface PlannedReferralMove {
  from: ReferralStatus;
  to: ReferralStatus;
  assigneeId: string | null;
  outcome: string | null;
  reason: string | null;
}

const blank = (value: string | undefined) => !value || !value.trim();

/** The moves open to one side from a status. */
export function allowedReferralMoves(status: ReferralStatus, side: ReferralSide): ReferralStatus[] {
  return REFERRAL_TRANSITIONS[status].filter((to) => to !== 'draft' && REFERRAL_MOVE_SIDE[to as Exclude<ReferralStatus, 'draft'>] === side);
}

/** Plans one move, or says why it is refused. */
export function planReferralMove(status: ReferralStatus, side: ReferralSide, request: ReferralMoveRequest): PlannedReferralMove | ReferralMoveRefusal {
  if (!REFERRAL_TRANSITIONS[status].includes(request.to)) return { error: 'not_allowed' };
  if (!allowedReferralMoves(status, side).includes(request.to)) return { error: 'wrong_side' };
  if (request.to === 'accepted' && !request.assigneeId) return { error: 'assignee_required', field: 'assigneeId' };
  if (request.to !== 'accepted' && request.assigneeId) return { error: 'not_applicable', field: 'assigneeId' };
  if (request.to === 'completed' && blank(request.outcome)) return { error: 'outcome_required', field: 'outcome' };
  if (request.to !== 'completed' && request.outcome !== undefined) return { error: 'not_applicable', field: 'outcome' };
  if (request.to === 'declined' && blank(request.reason)) return { error: 'reason_required', field: 'reason' };
  if (!['declined', 'cancelled'].includes(request.to) && request.reason !== undefined) return { error: 'not_applicable', field: 'reason' };
  return {
    from: status,
    to: request.to,
    assigneeId: request.assigneeId ?? null,
    outcome: request.outcome?.trim() ?? null,
    reason: request.reason?.trim() || null,
  };
}

/** Overdue: still awaiting acceptance when the response deadline has passed. */
export function isReferralOverdue(referral: { status: ReferralStatus; deadlineAt: Date | string | null }, now: Date): boolean {
  if (!referral.deadlineAt || !REFERRAL_AWAITING_STATUSES.includes(referral.status)) return false;
  return new Date(referral.deadlineAt).getTime() < now.getTime();
}

/** The response deadline of a referral sent at `sentAt` with a deadline of `hours`. */
export function referralDeadline(sentAt: Date, hours: number): Date {
  return new Date(sentAt.getTime() + hours * 3_600_000);
}
