import { ErasureStatus } from './privacy-options';

/** What the approval rules look at: who recorded the request, who approved it so far, where it stands. */
export interface ErasureApprovalState {
  status: ErasureStatus;
  recordedById: string;
  approverIds: readonly string[];
}

export type ErasureRefusal =
  | 'own_request'
  | 'already_approved_by_you'
  | 'not_pending'
  | 'needs_two_approvals'
  | 'not_approved';

/** Approvals an erasure needs before it may be carried out: two people, neither of them the one who recorded it. */
export const ERASURE_APPROVALS_NEEDED = 2;

/** Whether `userId` may approve (or refuse) the request now, and if not, why. */
export function approvalRefusal(state: ErasureApprovalState, userId: string): ErasureRefusal | null {
  if (state.status !== 'pending') return 'not_pending';
  if (state.recordedById === userId) return 'own_request';
  if (state.approverIds.includes(userId)) return 'already_approved_by_you';
  return null;
}

/** The status after one more approval: approved once two different people (not the recorder) have approved. */
export function statusAfterApproval(state: ErasureApprovalState, userId: string): ErasureStatus {
  const approvers = new Set([...state.approverIds, userId]);
  approvers.delete(state.recordedById);
  return approvers.size >= ERASURE_APPROVALS_NEEDED ? 'approved' : 'pending';
}

/** Whether the request may be carried out now: approved by two different people other than its recorder. */
export function carryOutRefusal(state: ErasureApprovalState): ErasureRefusal | null {
  if (state.status === 'carried_out' || state.status === 'refused') return 'not_pending';
  const approvers = new Set(state.approverIds.filter((id) => id !== state.recordedById));
  if (approvers.size < ERASURE_APPROVALS_NEEDED) return 'needs_two_approvals';
  if (state.status !== 'approved') return 'not_approved';
  return null;
}
