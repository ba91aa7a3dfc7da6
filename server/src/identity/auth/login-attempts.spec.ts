import { LoginAttempts } from './login-attempts';

describe('LoginAttempts', () => {
  it('locks an account name after the fifth failure and unlocks it after the lock period', () => {
    let now = 1_000_000;
    const attempts = new LoginAttempts(5, 60_000, () => now);
    for (let i = 0; i < 4; i++) expect(attempts.fail('a@x.demo')).toBe(false);
    expect(attempts.isLocked('a@x.demo')).toBe(false);
    expect(attempts.fail('a@x.demo')).toBe(true);
    expect(attempts.isLocked('a@x.demo')).toBe(true);
    now += 60_001;
    expect(attempts.isLocked('a@x.demo')).toBe(false);
  });

  it('forgets failures after a successful login', () => {
    const attempts = new LoginAttempts(2, 60_000);
    attempts.fail('b@x.demo');
    attempts.succeed('b@x.demo');
    expect(attempts.fail('b@x.demo')).toBe(false);
  });

  it('keeps accounts apart', () => {
    const attempts = new LoginAttempts(1, 60_000);
    attempts.fail('c@x.demo');
    expect(attempts.isLocked('c@x.demo')).toBe(true);
    expect(attempts.isLocked('d@x.demo')).toBe(false);
  });
});
