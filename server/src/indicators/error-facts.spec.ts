import { errorFacts } from './error-facts';

describe('errorFacts', () => {
  it('keeps a PostgreSQL error’s class, code and constraint, never its message (which can echo a row’s values)', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint: (code)=(RT-2026-000001)'), { name: 'QueryFailedError', code: '23505', constraint: 'UQ_cases_code' });
    expect(errorFacts(error)).toBe('QueryFailedError (code 23505, constraint UQ_cases_code)');
    expect(errorFacts(error)).not.toContain('RT-2026');
  });

  it('says none for what an error does not carry, and copes with anything thrown', () => {
    expect(errorFacts(new TypeError('Ana Pérez'))).toBe('TypeError (code none, constraint none)');
    expect(errorFacts(undefined)).toBe('Error (code none, constraint none)');
    expect(errorFacts('a string')).toBe('Error (code none, constraint none)');
  });
});
