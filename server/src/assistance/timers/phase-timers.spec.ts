import { pgErrorSummary } from './phase-timers';

describe('the phase job log line', () => {
  it('names PostgreSQL\u2019s code and constraint, never the message (it can echo a row\u2019s values)', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint: Key ("caseId")=(RT-2026-000001, María Pérez)'), { code: '23505', constraint: 'UQ_assistance_phase_timers_entry' });
    expect(pgErrorSummary(error)).toBe('code 23505, constraint UQ_assistance_phase_timers_entry');
    expect(pgErrorSummary(Object.assign(new Error('connection terminated: María'), { code: '57P01' }))).toBe('code 57P01');
    expect(pgErrorSummary(new Error('María Pérez'))).toBe('code unknown');
  });
});
