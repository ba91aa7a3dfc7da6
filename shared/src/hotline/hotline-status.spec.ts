import { canMoveHotlineContact, decideAuthorityReport, HOTLINE_STATUS, HOTLINE_TRANSITIONS } from './hotline-status';

describe('hotline contact status machine', () => {
  it('goes open → assessing → outcome → closed and never back', () => {
    expect(canMoveHotlineContact('open', 'assessing')).toBe(true);
    expect(canMoveHotlineContact('assessing', 'outcome')).toBe(true);
    expect(canMoveHotlineContact('outcome', 'closed')).toBe(true);
    expect(canMoveHotlineContact('closed', 'open')).toBe(false);
    expect(canMoveHotlineContact('outcome', 'assessing')).toBe(false);
    expect(canMoveHotlineContact('open', 'closed')).toBe(false);
  });

  it('lists a transition table entry for every status, naming only known statuses', () => {
    expect(Object.keys(HOTLINE_TRANSITIONS).sort()).toEqual([...HOTLINE_STATUS.values].sort());
    for (const targets of Object.values(HOTLINE_TRANSITIONS)) for (const to of targets) expect(HOTLINE_STATUS.values).toContain(to);
  });
});

describe('consent rule for reports to authorities', () => {
  it('follows the caller’s consent', () => {
    expect(decideAuthorityReport({ consent: true, childInvolved: false })).toEqual({ allowed: true, ground: null });
    expect(decideAuthorityReport({ consent: false, childInvolved: false })).toEqual({ allowed: false, reason: 'consent_required' });
  });

  it('excepts a child at risk (only with a child involved) and imminent harm, with the ground recorded', () => {
    expect(decideAuthorityReport({ consent: false, ground: 'child_at_risk', childInvolved: true })).toEqual({ allowed: true, ground: 'child_at_risk' });
    expect(decideAuthorityReport({ consent: false, ground: 'child_at_risk', childInvolved: false })).toEqual({ allowed: false, reason: 'consent_required' });
    expect(decideAuthorityReport({ consent: false, ground: 'imminent_harm', childInvolved: false })).toEqual({ allowed: true, ground: 'imminent_harm' });
  });

  it('refuses a ground when the caller consented', () => {
    expect(decideAuthorityReport({ consent: true, ground: 'imminent_harm', childInvolved: false })).toEqual({ allowed: false, reason: 'ground_not_applicable' });
  });
});
