import { RECENT_SESSION_MS, RecentSessions } from './recent-sessions';
import type { AuthenticatedSession } from './session.service';

const session = (stage: AuthenticatedSession['stage'], userId = 'u1') => ({ stage, actor: { userId } }) as unknown as AuthenticatedSession;

describe('RecentSessions', () => {
  it('gives a complete login back until RECENT_SESSION_MS have passed, then forgets it', () => {
    const recent = new RecentSessions();
    const done = session('done');
    recent.remember('h1', done, 1_000);
    expect(recent.get('h1', 1_000 + RECENT_SESSION_MS - 1)).toBe(done);
    expect(recent.get('h1', 1_000 + RECENT_SESSION_MS)).toBeUndefined();
    expect(recent.get('h1', 1_000)).toBeUndefined();
  });

  it('never keeps a login in progress (second factor, enrolment, password change)', () => {
    const recent = new RecentSessions();
    for (const stage of ['totp', 'enrol_totp', 'change_password'] as const) recent.remember(stage, session(stage), 0);
    expect(['totp', 'enrol_totp', 'change_password'].map((h) => recent.get(h, 1))).toEqual([undefined, undefined, undefined]);
  });

  it('forgets everything when a session, user or role changes', () => {
    const recent = new RecentSessions();
    recent.remember('h1', session('done'), 0);
    recent.remember('h2', session('done', 'u2'), 0);
    recent.forgetAll();
    expect([recent.get('h1', 1), recent.get('h2', 1)]).toEqual([undefined, undefined]);
  });
});
