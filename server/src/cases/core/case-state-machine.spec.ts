import { CASE_STATUS, CASE_TRANSITIONS } from '@ruta/shared';
import { allowedTransitions, planTransition } from './case-state-machine';

describe('case status machine', () => {
  it('follows the path received → screening → immediate → medium-term → follow-up → closed', () => {
    let state = { status: 'received' as const, statusBeforeSuspension: null } as { status: (typeof CASE_STATUS.values)[number]; statusBeforeSuspension: null };
    for (const to of ['screening', 'immediate_assistance', 'medium_term_assistance', 'follow_up'] as const) {
      const plan = planTransition(state, { to });
      expect(plan).toMatchObject({ status: to });
      state = { status: to, statusBeforeSuspension: null };
    }
    expect(planTransition(state, { to: 'closed', closeReason: 'assistance_completed' })).toMatchObject({ status: 'closed', closeReason: 'assistance_completed', reason: 'assistance_completed' });
  });

  it('lets a case enter immediate assistance straight from intake: no complaint is ever required', () => {
    expect(planTransition({ status: 'received', statusBeforeSuspension: null }, { to: 'immediate_assistance' })).toMatchObject({ status: 'immediate_assistance' });
  });

  it('refuses moves outside the machine', () => {
    expect(planTransition({ status: 'received', statusBeforeSuspension: null }, { to: 'follow_up' })).toEqual({ error: 'not_allowed' });
    expect(planTransition({ status: 'ruled_out', statusBeforeSuspension: null }, { to: 'immediate_assistance' })).toEqual({ error: 'not_allowed' });
    expect(planTransition({ status: 'screening', statusBeforeSuspension: null }, { to: 'screening' })).toEqual({ error: 'not_allowed' });
  });

  it('requires a reason to close or suspend, and refuses a reason that does not apply', () => {
    expect(planTransition({ status: 'screening', statusBeforeSuspension: null }, { to: 'closed' })).toEqual({ error: 'close_reason_required' });
    expect(planTransition({ status: 'screening', statusBeforeSuspension: null }, { to: 'suspended' })).toEqual({ error: 'suspension_reason_required' });
    expect(planTransition({ status: 'received', statusBeforeSuspension: null }, { to: 'screening', closeReason: 'duplicate' })).toEqual({ error: 'reason_not_applicable' });
  });

  it('suspends from an active state and returns only to where it was (or closes)', () => {
    const suspended = planTransition({ status: 'medium_term_assistance', statusBeforeSuspension: null }, { to: 'suspended', suspensionReason: 'victim_unreachable' });
    expect(suspended).toMatchObject({ status: 'suspended', statusBeforeSuspension: 'medium_term_assistance' });
    const state = { status: 'suspended' as const, statusBeforeSuspension: 'medium_term_assistance' as const };
    expect(allowedTransitions(state)).toEqual(['medium_term_assistance', 'closed']);
    expect(planTransition(state, { to: 'screening' })).toEqual({ error: 'not_allowed' });
    expect(planTransition(state, { to: 'medium_term_assistance' })).toMatchObject({ status: 'medium_term_assistance', statusBeforeSuspension: null });
  });

  it('reopens a closed case and clears its close reason', () => {
    expect(planTransition({ status: 'closed', statusBeforeSuspension: null }, { to: 'follow_up' })).toMatchObject({ status: 'follow_up', closeReason: null });
  });

  it('declares transitions for every status and only to known statuses', () => {
    for (const status of CASE_STATUS.values) {
      for (const to of CASE_TRANSITIONS[status]) expect(CASE_STATUS.values).toContain(to);
    }
  });
});
