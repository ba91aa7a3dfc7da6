import { INestApplication } from '@nestjs/common';
import { authenticator } from 'otplib';
import request, { Response } from 'supertest';
import { SESSION_COOKIE } from '@ruta/shared';
import { createTestApp } from '../../support/test-app';
import { ApiSession, loginAs, nextTotp } from '../../support/sessions';
import { approvedByOther, newUser } from '../../support/user-factory';

/**
 * Issue 8, item 3: guessing the second factor. Wrong codes count toward the account lock like wrong passwords, the
 * failure that locks ends the half-open session, a locked account's right code gets the lock answer, the session
 * gets a new token once the second factor is done, and an administrator's password reset lifts the lock. Every test
 * uses fresh users: locks persist on the account row.
 */
describe('auth: the second factor under the account lock', () => {
  let app: INestApplication;
  let admin: ApiSession;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await loginAs(app, 'admin@mininterior.demo');
  });
  afterAll(async () => {
    await app.close();
  });

  /** A fresh investigator with TOTP switched on (optional for the role), and its secret. */
  async function userWithTotp(): Promise<{ id: string; email: string; password: string; secret: string }> {
    const user = await newUser(app, admin, { role: 'investigator', institution: 'policia' });
    const session = await loginAs(app, user.email, user.password);
    const enrolment = await session.post('/api/auth/mfa/enrol').expect(200);
    await session.post('/api/auth/mfa/confirm', { code: await nextTotp(user.email, enrolment.body.secret) }).expect(200);
    return { ...user, secret: enrolment.body.secret };
  }

  /** The password step done: a session waiting for the second factor. */
  async function halfSession(user: { email: string; password: string }): Promise<ApiSession> {
    const session = ApiSession.anonymous(app);
    const login = await session.post('/api/auth/login', { email: user.email, password: user.password }).expect(200);
    expect(login.body.stage).toBe('totp');
    session.captureXsrf(login);
    session.loginResponse = login;
    return session;
  }

  /** Six digits that are not a valid code of `secret` now (nor a step either side). */
  function wrongCode(secret: string): string {
    const valid = new Set([-2, -1, 0, 1, 2].map((d) => authenticator.clone({ epoch: Date.now() + d * 30_000 }).generate(secret)));
    for (let n = 0; ; n++) {
      const code = String(n).padStart(6, '0');
      if (!valid.has(code)) return code;
    }
  }

  function sessionCookie(response: Response): string | undefined {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    return cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0].split('=')[1];
  }

  const loginAgain = (user: { email: string; password: string }) => request(app.getHttpServer()).post('/api/auth/login').send({ email: user.email, password: user.password });

  it('locks the account at the fifth wrong code and ends the half-open session: the right code no longer opens it', async () => {
    const user = await userWithTotp();
    const half = await halfSession(user);
    for (let i = 0; i < 4; i++) await half.post('/api/auth/totp', { code: wrongCode(user.secret) }).expect(400);
    const locking = await half.post('/api/auth/totp', { code: wrongCode(user.secret) }).expect(429);
    expect(locking.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locking.body.code).toBe('account_locked');
    await half.post('/api/auth/totp', { code: await nextTotp(user.email, user.secret) }).expect(401);
    expect((await loginAgain(user).expect(429)).body.code).toBe('account_locked');
  });

  it('answers a locked account\'s right code with the lock, on a half-open session opened before the lock', async () => {
    const user = await userWithTotp();
    const early = await halfSession(user);
    const guesser = await halfSession(user);
    for (let i = 0; i < 4; i++) await guesser.post('/api/auth/totp', { code: wrongCode(user.secret) }).expect(400);
    await guesser.post('/api/auth/totp', { code: wrongCode(user.secret) }).expect(429);
    const refused = await early.post('/api/auth/totp', { code: await nextTotp(user.email, user.secret) }).expect(429);
    expect(refused.body.code).toBe('account_locked');
    await early.get('/api/auth/me').expect(401);
  });

  it('counts wrong passwords and wrong codes together, and a right password alone does not clear them', async () => {
    const user = await userWithTotp();
    for (let i = 0; i < 2; i++) await request(app.getHttpServer()).post('/api/auth/login').send({ email: user.email, password: `not the password ${i}` }).expect(401);
    const first = await halfSession(user);
    for (let i = 0; i < 2; i++) await first.post('/api/auth/totp', { code: wrongCode(user.secret) }).expect(400);
    // Signing in with the password again opens a new half-open session but buys no fresh guesses.
    const second = await halfSession(user);
    const locking = await second.post('/api/auth/totp', { code: wrongCode(user.secret) }).expect(429);
    expect(locking.body.code).toBe('account_locked');
  });

  it('gives the session a new token once the second factor is done, and the old token is dead', async () => {
    const user = await userWithTotp();
    const half = await halfSession(user);
    const before = sessionCookie(half.loginResponse!);
    const done = await half.post('/api/auth/totp', { code: await nextTotp(user.email, user.secret) }).expect(200);
    expect(done.body.stage).toBe('done');
    const after = sessionCookie(done);
    expect(after).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(before);
    const cookies = ([] as string[]).concat(done.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/HttpOnly/);
    await half.get('/api/auth/me').expect(200);
    await request(app.getHttpServer()).get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${before}`).expect(401);
    await request(app.getHttpServer()).get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${after}`).expect(200);
  });

  it('lifts the lock when an administrator resets the password', async () => {
    const user = await newUser(app, admin, { role: 'partner', institution: 'icbf' });
    for (let i = 0; i < 5; i++) await request(app.getHttpServer()).post('/api/auth/login').send({ email: user.email, password: `not the password ${i}` }).expect(401);
    expect((await loginAgain(user).expect(429)).body.code).toBe('account_locked');
    const reset = await approvedByOther(app, admin, await admin.post(`/api/users/${user.id}/reset-password`));
    expect(reset.status).toBe(200);
    const temporary: string = reset.body.temporaryPassword ?? reset.body.credentials.temporaryPassword;
    const login = await request(app.getHttpServer()).post('/api/auth/login').send({ email: user.email, password: temporary }).expect(200);
    expect(login.body.stage).toBe('change_password');
  });
});
