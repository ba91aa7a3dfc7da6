import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { SESSION_COOKIE } from '@ruta/shared';
import { createTestApp } from '../../support/test-app';
import { ownerQuery } from '../../support/case-factory';
import { ApiSession, DEMO_PASSWORD, loginAs, nextTotp } from '../../support/sessions';
import { newUser } from '../../support/user-factory';

describe('auth: login, sessions, two-factor, lockout', () => {
  let app: INestApplication;
  let admin: ApiSession | undefined;
  /** One administrator session for the whole file (each TOTP login spends a time step). */
  const adminSession = async () => (admin ??= await loginAs(app, 'admin@mininterior.demo'));

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs an investigator in with an httpOnly SameSite=Strict session cookie', async () => {
    const session = await loginAs(app, 'investigator@policia.demo');
    const cookies = ([] as string[]).concat(session.loginResponse!.headers['set-cookie']);
    const sessionCookie = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Strict/);
    expect(session.loginResponse!.body).toMatchObject({ stage: 'done', me: { email: 'investigator@policia.demo', role: { code: 'investigator' } } });
    const me = await session.get('/api/auth/me').expect(200);
    expect(me.body.institution.code).toBe('policia');
    expect(me.body.permissions).toContain('cases:read');
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'nobody@nowhere.demo', password: 'whatever-password' }).expect(401);
    const wrong = await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'prosecutor@fiscalia.demo', password: 'wrong-password-1' }).expect(401);
    expect(unknown.body.code).toBe('invalid_credentials');
    expect(wrong.body.code).toBe(unknown.body.code);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('rejects a login body with unknown fields or wrong types with field errors', async () => {
    const response = await request(app.getHttpServer()).post('/api/auth/login').send({ email: 42, password: 'x', admin: true }).expect(400);
    expect(response.body.code).toBe('validation_failed');
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'admin']));
  });

  it('locks an account after five failed attempts, even with the right password afterwards', async () => {
    const user = await newUser(app, await adminSession(), { role: 'partner', institution: 'icbf' });
    for (let i = 0; i < 5; i++) {
      await request(app.getHttpServer()).post('/api/auth/login').send({ email: user.email, password: `wrong-password-${i}` }).expect(401);
    }
    const locked = await request(app.getHttpServer()).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(locked.body.code).toBe('account_locked');
    // The lock is on the account row too, so a restart or another instance honours it.
    const [row] = await ownerQuery<{ locked: boolean }>(`SELECT "lockedUntil" > now() AS locked FROM users WHERE id = $1`, [user.id]);
    expect(row.locked).toBe(true);
  });

  it('honours a lock recorded on the account row, as after a restart', async () => {
    const user = await newUser(app, await adminSession(), { role: 'caseworker', institution: 'oim' });
    await ownerQuery(`UPDATE users SET "lockedUntil" = now() + interval '10 minutes' WHERE id = $1`, [user.id]);
    const locked = await request(app.getHttpServer()).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(locked.body.code).toBe('account_locked');
  });

  it('requires the second factor before an administrator reaches anything', async () => {
    const session = ApiSession.anonymous(app);
    const login = await session.post('/api/auth/login', { email: 'admin@mininterior.demo', password: DEMO_PASSWORD }).expect(200);
    session.captureXsrf(login);
    expect(login.body.stage).toBe('totp');
    await session.get('/api/users').expect(401);
    await session.post('/api/auth/totp', { code: '000000' }).expect(400);
    const code = await nextTotp('admin@mininterior.demo');
    const ok = await session.post('/api/auth/totp', { code }).expect(200);
    expect(ok.body.stage).toBe('done');
    await session.get('/api/users').expect(200);

    // The same code never opens a second session (RFC 6238 §5.2).
    const replay = ApiSession.anonymous(app);
    replay.captureXsrf(await replay.post('/api/auth/login', { email: 'admin@mininterior.demo', password: DEMO_PASSWORD }).expect(200));
    const refused = await replay.post('/api/auth/totp', { code }).expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'code', code: 'invalid_code' });
  });

  it('refuses a logged-out session at once', async () => {
    const session = await loginAs(app, 'caseworker@oim.demo');
    await session.get('/api/auth/me').expect(200);
    await session.post('/api/auth/logout').expect(204);
    await session.get('/api/auth/me').expect(401);
  });

  it('refuses state-changing requests without the anti-forgery header', async () => {
    const session = await loginAs(app, 'supervisor@oim.demo');
    const agentWithoutHeader = await session.get('/api/auth/me');
    expect(agentWithoutHeader.status).toBe(200);
    const cookie = ([] as string[]).concat(session.loginResponse!.headers['set-cookie']).map((c) => c.split(';')[0]).join('; ');
    const response = await request(app.getHttpServer()).patch('/api/auth/me').set('Cookie', cookie).send({ language: 'en' }).expect(403);
    expect(response.body.code).toBe('csrf_failed');
  });

  it('ends every session of a user when an administrator deactivates it', async () => {
    const admin = await adminSession();
    const user = await newUser(app, admin, { role: 'operator', institution: 'oim' });
    const operator = await loginAs(app, user.email, user.password);
    await operator.get('/api/auth/me').expect(200);
    const before = await admin.get(`/api/users/${user.id}`).expect(200);
    await admin.patch(`/api/users/${user.id}`, { version: before.body.version, active: false }).expect(200);
    await operator.get('/api/auth/me').expect(401);
    await ApiSession.anonymous(app).post('/api/auth/login', { email: user.email, password: user.password }).expect(401);
  });
});
