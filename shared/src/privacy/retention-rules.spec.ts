import { DEFAULT_RETENTION_YEARS, isRetentionDue, postponementErrors, PROCEEDING_CLOSED_STAGES, relativePseudonym, retentionDueOn, victimPseudonym } from './retention-rules';

describe('retention rules', () => {
  it('falls due the given number of whole years after the record ended', () => {
    expect(retentionDueOn('2015-06-30', 10)).toBe('2025-06-30');
    expect(retentionDueOn('2024-01-01', 2)).toBe('2026-01-01');
  });

  it('moves 29 February to 28 February of a common year', () => {
    expect(retentionDueOn('2016-02-29', 10)).toBe('2026-02-28');
    expect(retentionDueOn('2016-02-29', 4)).toBe('2020-02-29');
  });

  it('is due on its day and after it, not the day before', () => {
    expect(isRetentionDue('2016-03-10', 10, '2026-03-09')).toBe(false);
    expect(isRetentionDue('2016-03-10', 10, '2026-03-10')).toBe(true);
    expect(isRetentionDue('2016-03-10', 10, '2027-01-01')).toBe(true);
  });

  it('defaults closed cases to 10 years and hotline contacts to 2', () => {
    expect(DEFAULT_RETENTION_YEARS.closed_case).toBe(10);
    expect(DEFAULT_RETENTION_YEARS.hotline_contact).toBe(2);
  });

  it('needs a reason and a later date to postpone, at most ten years ahead', () => {
    expect(postponementErrors({ reason: 'Proceso disciplinario abierto', until: '2027-01-01' }, '2026-12-02')).toEqual([]);
    expect(postponementErrors({ reason: 'corto', until: '2027-01-01' }, '2026-12-02')).toEqual([{ field: 'reason', code: 'reasonRequired' }]);
    expect(postponementErrors({ reason: 'Proceso disciplinario abierto', until: '2026-12-02' }, '2026-12-02')).toEqual([{ field: 'until', code: 'notAfterToday' }]);
    expect(postponementErrors({ reason: 'Proceso disciplinario abierto', until: '2037-01-01' }, '2026-12-02')).toEqual([{ field: 'until', code: 'tooFar' }]);
    expect(postponementErrors({ reason: null, until: null }, '2026-12-02').map((e) => e.code)).toEqual(['reasonRequired', 'dateRequired']);
  });

  it('names pseudonyms without anything of the person', () => {
    expect(victimPseudonym(7)).toBe('Persona retirada 007');
    expect(victimPseudonym(1234)).toBe('Persona retirada 1234');
    expect(relativePseudonym(2)).toBe('Familiar retirado 2');
  });

  it('counts as closed only the Law 906 stages with no way out', () => {
    expect([...PROCEEDING_CLOSED_STAGES].sort()).toEqual(['ejecutoriada', 'preclusion', 'principio_oportunidad']);
  });
});
