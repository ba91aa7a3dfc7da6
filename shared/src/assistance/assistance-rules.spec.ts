import { canMoveService, daysLeft, phaseDeadline, phaseOfStatus } from './assistance-rules';

describe('assistance rules', () => {
  const start = new Date('2026-03-01T10:00:00Z');

  it('gives immediate assistance 5 days, 8 with its extension', () => {
    expect(phaseDeadline('immediate', start, false).toISOString()).toBe('2026-03-06T10:00:00.000Z');
    expect(phaseDeadline('immediate', start, true).toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('gives medium-term assistance 6 calendar months, 9 with its extension', () => {
    expect(phaseDeadline('medium_term', start, false).toISOString()).toBe('2026-09-01T10:00:00.000Z');
    expect(phaseDeadline('medium_term', start, true).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('counts whole days left, negative once overdue', () => {
    const deadline = phaseDeadline('immediate', start, false);
    expect(daysLeft(deadline, new Date('2026-03-01T11:00:00Z'))).toBe(5);
    expect(daysLeft(deadline, new Date('2026-03-06T09:00:00Z'))).toBe(1);
    expect(daysLeft(deadline, new Date('2026-03-08T10:00:00Z'))).toBe(-2);
  });

  it('runs a timer only in the two assistance statuses', () => {
    expect(phaseOfStatus('immediate_assistance')).toBe('immediate');
    expect(phaseOfStatus('medium_term_assistance')).toBe('medium_term');
    expect(phaseOfStatus('follow_up')).toBeNull();
  });

  it('never moves a final service', () => {
    expect(canMoveService('planned', 'delivered')).toBe(true);
    expect(canMoveService('in_progress', 'delivered')).toBe(true);
    expect(canMoveService('cancelled', 'delivered')).toBe(false);
    expect(canMoveService('delivered', 'cancelled')).toBe(false);
    expect(canMoveService('declined', 'in_progress')).toBe(false);
  });
});
