import { addDays, bogotaDate, monthsBefore } from './role-dashboards.service';

describe('dashboard dates', () => {
  it('takes the calendar day in Bogotá, which is still yesterday until 05:00 UTC', () => {
    expect(bogotaDate(new Date('2026-03-01T04:59:00Z'))).toBe('2026-02-28');
    expect(bogotaDate(new Date('2026-03-01T05:00:00Z'))).toBe('2026-03-01');
  });

  it('adds calendar days across months, years and a leap day', () => {
    expect(addDays('2026-12-30', 6)).toBe('2027-01-05');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -29)).toBe('2026-01-31');
  });

  it('finds the first day of a month some months before, across a year', () => {
    expect(monthsBefore('2026-12-02', 11)).toBe('2026-01-01');
    expect(monthsBefore('2026-03-31', 11)).toBe('2025-04-01');
    expect(monthsBefore('2026-01-15', 0)).toBe('2026-01-01');
  });
});
