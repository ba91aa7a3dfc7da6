import { canMoveService, daysLeft, extendedDeadline, phaseDeadline, phaseOfStatus, resumedDeadline } from './assistance-rules';

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

  it('extends a deadline by 3 days or 3 months from the deadline it had', () => {
    expect(extendedDeadline('immediate', new Date('2026-03-06T10:00:00Z')).toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(extendedDeadline('medium_term', new Date('2026-09-01T10:00:00Z')).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(extendedDeadline('medium_term', phaseDeadline('medium_term', start, false)).toISOString()).toBe(phaseDeadline('medium_term', start, true).toISOString());
  });

  it('resumes a suspended phase with the time it had left, never a fresh window', () => {
    // Suspended on day 2 of 5 (3 days and 2 hours left), resumed ten days later: 3 days and 2 hours from the resumption.
    const previous = { deadlineAt: phaseDeadline('immediate', start, false), endedAt: new Date('2026-03-03T08:00:00Z') };
    expect(resumedDeadline(previous, new Date('2026-03-13T09:00:00Z')).toISOString()).toBe('2026-03-16T11:00:00.000Z');
    // Overdue when suspended: it resumes overdue, with no time left.
    const late = { deadlineAt: previous.deadlineAt, endedAt: new Date('2026-03-07T10:00:00Z') };
    expect(resumedDeadline(late, new Date('2026-03-20T10:00:00Z')).toISOString()).toBe('2026-03-20T10:00:00.000Z');
  });
});
