import { labelled, OptionOf } from '../common/labelled';
import { HotlineOutcome, HotlineReportGround } from './hotline-options';

/**
 * Hotline contact status machine (DOMAIN.md): open → assessing → outcome (information only, tip, referral, new case,
 * linked case) → closed. A contact may also be closed from assessing when nothing comes of it (e.g. a silent call).
 */
export const HOTLINE_STATUS = labelled({
  open: ['Abierta', 'Open'],
  assessing: ['En valoración', 'Assessing'],
  outcome: ['Con resultado', 'Outcome recorded'],
  closed: ['Cerrada', 'Closed'],
});
export type HotlineStatus = OptionOf<typeof HOTLINE_STATUS>;

export const HOTLINE_TRANSITIONS: Readonly<Record<HotlineStatus, readonly HotlineStatus[]>> = {
  open: ['assessing', 'outcome'],
  assessing: ['outcome', 'closed'],
  outcome: ['closed'],
  closed: [],
};

export function canMoveHotlineContact(from: HotlineStatus, to: HotlineStatus): boolean {
  return HOTLINE_TRANSITIONS[from].includes(to);
}

/** Outcomes that pass the caller's information to law enforcement. */
export const AUTHORITY_OUTCOMES: readonly HotlineOutcome[] = ['tip_sent'];

export type AuthorityReportDecision = { allowed: true; ground: HotlineReportGround | null } | { allowed: false; reason: 'consent_required' | 'ground_not_applicable' };

/**
 * The consent rule for reports to authorities: they follow the caller's consent, except a child at risk or imminent
 * harm, which must be recorded as the ground. A ground "child at risk" needs a child in the contact. A ground given
 * although the caller consented is refused (the report rests on the consent, nothing to except).
 */
export function decideAuthorityReport(input: { consent: boolean; ground?: HotlineReportGround | null; childInvolved: boolean }): AuthorityReportDecision {
  if (input.consent) return input.ground ? { allowed: false, reason: 'ground_not_applicable' } : { allowed: true, ground: null };
  if (input.ground === 'imminent_harm') return { allowed: true, ground: 'imminent_harm' };
  if (input.ground === 'child_at_risk' && input.childInvolved) return { allowed: true, ground: 'child_at_risk' };
  return { allowed: false, reason: 'consent_required' };
}
