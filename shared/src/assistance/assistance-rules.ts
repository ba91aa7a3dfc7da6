import { CaseStatus, CloseReason } from '../cases/case-status';
import { AssistancePhase, ClosureReason, ServiceStatus } from './assistance-options';

const DAY = 86_400_000;

/**
 * Law 985 art. 7 / Decree 1069/2014: immediate assistance lasts 5 days, extendable once by 3; medium-term assistance up
 * to 6 months, extendable once by 3 months. Months are calendar months (UTC).
 */
export const PHASE_DURATIONS: Readonly<Record<AssistancePhase, { base: { days?: number; months?: number }; extension: { days?: number; months?: number } }>> = {
  immediate: { base: { days: 5 }, extension: { days: 3 } },
  medium_term: { base: { months: 6 }, extension: { months: 3 } },
};

function add(from: Date, span: { days?: number; months?: number }): Date {
  const result = new Date(from.getTime() + (span.days ?? 0) * DAY);
  if (span.months) result.setUTCMonth(result.getUTCMonth() + span.months);
  return result;
}

/** When a phase entered at `startedAt` ends, with or without its one extension. */
export function phaseDeadline(phase: AssistancePhase, startedAt: Date, extended: boolean): Date {
  const base = add(startedAt, PHASE_DURATIONS[phase].base);
  return extended ? add(base, PHASE_DURATIONS[phase].extension) : base;
}

/** The deadline after the phase's one extension (+3 days / +3 months), counted from the deadline it had. */
export function extendedDeadline(phase: AssistancePhase, deadline: Date): Date {
  return add(deadline, PHASE_DURATIONS[phase].extension);
}

/** A phase's window as it stood when the case left the phase. */
export interface EndedWindow {
  deadlineAt: Date;
  endedAt: Date;
}

/**
 * Where a phase resumed after a suspension ends. Law 985 art. 7 and Decree 1069/2014 give each phase a duration (5
 * days, up to 6 months) that a suspension does not renew: the window continues with the time it had left when the case
 * was suspended, counted from the resumption. A window already overdue when suspended resumes overdue (no time left).
 */
export function resumedDeadline(previous: EndedWindow, resumedAt: Date): Date {
  const left = Math.max(0, previous.deadlineAt.getTime() - previous.endedAt.getTime());
  return new Date(resumedAt.getTime() + left);
}

/** Whole days left until the deadline (negative once overdue), counted from `now`. */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.ceil((deadline.getTime() - now.getTime()) / DAY);
}

/** The phase whose timer a case status runs, if any. */
export function phaseOfStatus(status: CaseStatus): AssistancePhase | null {
  return status === 'immediate_assistance' ? 'immediate' : status === 'medium_term_assistance' ? 'medium_term' : null;
}

/** Where a service may go from where it is. Delivered, declined and cancelled are final. */
export const SERVICE_TRANSITIONS: Readonly<Record<ServiceStatus, readonly ServiceStatus[]>> = {
  planned: ['in_progress', 'delivered', 'declined', 'cancelled'],
  in_progress: ['delivered', 'declined', 'cancelled'],
  delivered: [],
  declined: [],
  cancelled: [],
};

export function canMoveService(from: ServiceStatus, to: ServiceStatus): boolean {
  return SERVICE_TRANSITIONS[from].includes(to);
}

/** The case's close reason an approved assistance closure writes. */
export const CLOSURE_TO_CASE_REASON: Readonly<Record<ClosureReason, CloseReason>> = {
  reintegrated: 'assistance_completed',
  returned: 'assistance_completed',
  lost_contact: 'victim_unreachable',
  declined: 'victim_declined',
  transferred: 'referred_elsewhere',
  deceased: 'deceased',
  other: 'other',
};

/** Case statuses from which an assistance closure may be requested (the case's own machine allows closing). */
export const CLOSABLE_STATUSES: readonly CaseStatus[] = ['received', 'screening', 'ruled_out', 'immediate_assistance', 'medium_term_assistance', 'follow_up', 'suspended'];
