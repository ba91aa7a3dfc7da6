import { errorFacts, stackFrames } from './error-facts';

describe('errorFacts', () => {
  it('keeps the class, the SQLSTATE and the constraint of a PostgreSQL error, never its message', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint: (code)=(RT-2026-000001) Ana Pérez'), { name: 'QueryFailedError', code: '23505', constraint: 'UQ_cases_code' });
    expect(errorFacts(error)).toBe('QueryFailedError, code 23505, constraint UQ_cases_code');
    expect(errorFacts(error)).not.toMatch(/RT-2026|Ana/);
  });

  it('says only the class of any other error, and drops parts that do not look like a name or a code', () => {
    expect(errorFacts(new TypeError('Ana Pérez 3005551234'))).toBe('TypeError');
    expect(errorFacts({ name: 'a name with "3005551234" in it', code: '3005551234 Rosa' })).toBe('Error');
    expect(errorFacts(undefined)).toBe('Error');
    expect(errorFacts('a string')).toBe('Error');
  });
});

describe('stackFrames', () => {
  it('drops the first line of the stack, which repeats the message', () => {
    const frames = stackFrames(new Error('Rosa Ficticia'));
    expect(frames).toMatch(/^\s+at /);
    expect(frames).not.toContain('Rosa');
    expect(stackFrames('no stack')).toBeUndefined();
  });
});
