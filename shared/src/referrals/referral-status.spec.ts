import {
  allowedReferralMoves,
  isReferralOverdue,
  planReferralMove,
  REFERRAL_MOVE_SIDE,
  REFERRAL_STATUS,
  REFERRAL_TRANSITIONS,
  referralDeadline,
} from './referral-status';
import { CONSENT_GATED_SECTIONS, DEFAULT_REFERRAL_DEADLINE_HOURS, REFERRAL_URGENCY, sectionsNeedingConsent } from './referral-options';
import { percentile, summariseDurations } from './referral-stats';

describe('referral status machine', () => {
  it('follows draft → sent → received → accepted → in progress → completed', () => {
    expect(planReferralMove('draft', 'sender', { to: 'sent' })).toMatchObject({ from: 'draft', to: 'sent' });
    expect(planReferralMove('sent', 'receiver', { to: 'received' })).toMatchObject({ to: 'received' });
    expect(planReferralMove('received', 'receiver', { to: 'accepted', assigneeId: 'u1' })).toMatchObject({ to: 'accepted', assigneeId: 'u1' });
    expect(planReferralMove('accepted', 'receiver', { to: 'in_progress' })).toMatchObject({ to: 'in_progress' });
    expect(planReferralMove('in_progress', 'receiver', { to: 'completed', outcome: ' Lodged in a shelter ' })).toMatchObject({ to: 'completed', outcome: 'Lodged in a shelter' });
  });

  it('lets each side make only its own moves', () => {
    expect(planReferralMove('received', 'sender', { to: 'accepted', assigneeId: 'u1' })).toEqual({ error: 'wrong_side' });
    expect(planReferralMove('sent', 'receiver', { to: 'cancelled' })).toEqual({ error: 'wrong_side' });
    expect(allowedReferralMoves('received', 'receiver')).toEqual(['accepted', 'declined']);
    expect(allowedReferralMoves('received', 'sender')).toEqual(['cancelled']);
    expect(allowedReferralMoves('completed', 'sender')).toEqual([]);
  });

  it('requires an assignee to accept, an outcome to complete and a reason to decline', () => {
    expect(planReferralMove('received', 'receiver', { to: 'accepted' })).toEqual({ error: 'assignee_required', field: 'assigneeId' });
    expect(planReferralMove('in_progress', 'receiver', { to: 'completed', outcome: '  ' })).toEqual({ error: 'outcome_required', field: 'outcome' });
    expect(planReferralMove('received', 'receiver', { to: 'declined' })).toEqual({ error: 'reason_required', field: 'reason' });
    expect(planReferralMove('received', 'receiver', { to: 'declined', reason: 'No places left' })).toMatchObject({ to: 'declined', reason: 'No places left' });
    expect(planReferralMove('sent', 'sender', { to: 'cancelled' })).toMatchObject({ to: 'cancelled', reason: null });
  });

  it('refuses moves outside the machine and details that do not apply', () => {
    expect(planReferralMove('sent', 'receiver', { to: 'completed', outcome: 'x' })).toEqual({ error: 'not_allowed' });
    expect(planReferralMove('completed', 'sender', { to: 'cancelled' })).toEqual({ error: 'not_allowed' });
    expect(planReferralMove('declined', 'receiver', { to: 'received' })).toEqual({ error: 'not_allowed' });
    expect(planReferralMove('accepted', 'receiver', { to: 'in_progress', reason: 'x' })).toEqual({ error: 'not_applicable', field: 'reason' });
    expect(planReferralMove('sent', 'receiver', { to: 'received', assigneeId: 'u1' })).toEqual({ error: 'not_applicable', field: 'assigneeId' });
  });

  it('declares moves for every status, to known statuses, each made by one side, and ends in closed statuses', () => {
    for (const status of REFERRAL_STATUS.values) {
      for (const to of REFERRAL_TRANSITIONS[status]) {
        expect(REFERRAL_STATUS.values).toContain(to);
        expect(to).not.toBe('draft');
        expect(REFERRAL_MOVE_SIDE[to as keyof typeof REFERRAL_MOVE_SIDE]).toBeDefined();
      }
    }
    for (const closed of ['completed', 'declined', 'cancelled'] as const) expect(REFERRAL_TRANSITIONS[closed]).toEqual([]);
  });

  it('marks a referral overdue only while it awaits acceptance past its deadline', () => {
    const now = new Date('2026-02-10T12:00:00Z');
    const past = '2026-02-10T11:59:59Z';
    expect(isReferralOverdue({ status: 'sent', deadlineAt: past }, now)).toBe(true);
    expect(isReferralOverdue({ status: 'received', deadlineAt: past }, now)).toBe(true);
    expect(isReferralOverdue({ status: 'accepted', deadlineAt: past }, now)).toBe(false);
    expect(isReferralOverdue({ status: 'sent', deadlineAt: '2026-02-10T12:00:01Z' }, now)).toBe(false);
    expect(isReferralOverdue({ status: 'draft', deadlineAt: null }, now)).toBe(false);
  });

  it('derives the deadline from the urgency: 24 h, 72 h, 10 days by default', () => {
    expect(REFERRAL_URGENCY.values.map((u) => DEFAULT_REFERRAL_DEADLINE_HOURS[u])).toEqual([24, 72, 240]);
    expect(referralDeadline(new Date('2026-02-01T08:00:00Z'), 72).toISOString()).toBe('2026-02-04T08:00:00.000Z');
  });

  it('gates identity, situation and documents behind consent, not the summary', () => {
    expect(CONSENT_GATED_SECTIONS).toEqual(['identity', 'situation', 'documents']);
    expect(sectionsNeedingConsent(['summary', 'assistance'])).toEqual([]);
    expect(sectionsNeedingConsent(['summary', 'identity', 'documents'])).toEqual(['identity', 'documents']);
  });
});

describe('response-time statistics', () => {
  it('interpolates percentiles like percentile_cont', () => {
    expect(percentile([10, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 10], 0.9)).toBeCloseTo(7.9);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
    expect(summariseDurations([2, 4, 6, 8, 100])).toEqual({ count: 5, medianHours: 6, p90Hours: 63.2 });
  });
});
