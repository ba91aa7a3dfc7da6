import { CASE_TRANSITIONS, CaseStatus, CloseReason, SuspensionReason } from '@ruta/shared';

export interface CaseStatusState {
  status: CaseStatus;
  statusBeforeSuspension: CaseStatus | null;
}

export interface TransitionRequest {
  to: CaseStatus;
  closeReason?: CloseReason;
  suspensionReason?: SuspensionReason;
}

export interface PlannedTransition extends CaseStatusState {
  from: CaseStatus;
  closeReason: CloseReason | null;
  /** What the transition record keeps as its reason. */
  reason: string | null;
}

export type TransitionRefusal = { error: 'not_allowed' | 'close_reason_required' | 'suspension_reason_required' | 'reason_not_applicable' };

/** Where a case may go from where it is. A suspended case goes back to the status it left, or closes. */
export function allowedTransitions(state: CaseStatusState): CaseStatus[] {
  if (state.status === 'suspended') return state.statusBeforeSuspension ? [state.statusBeforeSuspension, 'closed'] : ['closed'];
  return [...CASE_TRANSITIONS[state.status]];
}

/**
 * Plans one move of the status machine, or says why it is refused. Entering assistance never depends on a complaint
 * or a prosecution: there is no such guard here by design (Constitutional Court C-470/2016).
 */
export function planTransition(state: CaseStatusState, request: TransitionRequest): PlannedTransition | TransitionRefusal {
  if (!allowedTransitions(state).includes(request.to)) return { error: 'not_allowed' };
  if (request.to === 'closed' && !request.closeReason) return { error: 'close_reason_required' };
  if (request.to === 'suspended' && !request.suspensionReason) return { error: 'suspension_reason_required' };
  if ((request.closeReason && request.to !== 'closed') || (request.suspensionReason && request.to !== 'suspended')) return { error: 'reason_not_applicable' };
  return {
    from: state.status,
    status: request.to,
    statusBeforeSuspension: request.to === 'suspended' ? state.status : null,
    closeReason: request.to === 'closed' ? request.closeReason! : null,
    reason: request.closeReason ?? request.suspensionReason ?? null,
  };
}
