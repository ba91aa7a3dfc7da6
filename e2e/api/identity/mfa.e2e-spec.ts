import { INestApplication } from '@nestjs/common';
import { authenticator } from 'otplib';
import { createTestApp } from '../../support/test-app';
import { ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createUser as createApprovedUser } from '../../support/user-factory';

describe('two-factor: enrolment with QR code, recovery codes, optional for other roles', () => {
  let app: INestApplication;
  let admin: ApiSession;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await loginAs(app, 'admin@mininterior.demo');
  });
  afterAll(async () => {
    await app.close();
  });

  async function createUser(role: string, institution: string) {
    const [roles, institutions] = await Promise.all([admin.get('/api/roles'), admin.get('/api/institutions')]);
    const email = `${role}.mfa.${Date.now()}@${institution}.demo`;
    // Both roles are protected: the other seeded administrator approves the creation (four eyes).
    const created = await createApprovedUser(app, admin, {
      name: 'Persona Ficticia MFA',
      email,
      roleId: roles.body.find((r: { code: string }) => r.code === role).id,
      institutionId: institutions.body.find((i: { code: string }) => i.code === institution).id,
    });
    return { email, temporary: created.temporaryPassword };
  }

  it('makes a new coordinator enrol TOTP first, then change the password, then use a recovery code once', async () => {
    const { email, temporary } = await createUser('coordinator', 'mininterior');
    const session = await loginAs(app, email, temporary);
    expect(session.loginResponse!.body.stage).toBe('enrol_totp');
    const blocked = await session.get('/api/institutions').expect(401);
    expect(blocked.body.code).toBe('login_incomplete');

    const enrolment = await session.post('/api/auth/mfa/enrol').expect(200);
    expect(enrolment.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Ruta:/);
    expect(enrolment.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    await session.post('/api/auth/mfa/confirm', { code: '123456' }).expect(400);
    const confirmed = await session.post('/api/auth/mfa/confirm', { code: authenticator.generate(enrolment.body.secret) }).expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const [stored] = await ownerQuery<{ mfaSecret: string }>(`SELECT "mfaSecret" FROM users WHERE email = $1`, [email]);
    expect(stored.mfaSecret).toMatch(/^v1\./);
    expect(stored.mfaSecret).not.toContain(enrolment.body.secret);
    expect(confirmed.body.stage).toBe('change_password');

    const password = 'llanos orientales al atardecer';
    await session.post('/api/auth/password', { currentPassword: temporary, newPassword: password }).expect(204);

    const again = ApiSession.anonymous(app);
    const login = await again.post('/api/auth/login', { email, password }).expect(200);
    again.captureXsrf(login);
    expect(login.body.stage).toBe('totp');
    const recovery = confirmed.body.recoveryCodes[0];
    const done = await again.post('/api/auth/totp', { code: recovery.toUpperCase() }).expect(200);
    expect(done.body.stage).toBe('done');

    const third = ApiSession.anonymous(app);
    third.captureXsrf(await third.post('/api/auth/login', { email, password }).expect(200));
    await third.post('/api/auth/totp', { code: recovery }).expect(400);
  });

  it('lets an investigator switch optional two-factor on and off, with the password to switch off', async () => {
    const { email, temporary } = await createUser('investigator', 'policia');
    const first = await loginAs(app, email, temporary);
    const password = 'montes de maría en invierno';
    await first.post('/api/auth/password', { currentPassword: temporary, newPassword: password }).expect(204);
    const session = await loginAs(app, email, password);
    expect(session.loginResponse!.body.stage).toBe('done');

    const enrolment = await session.post('/api/auth/mfa/enrol').expect(200);
    await session.post('/api/auth/mfa/confirm', { code: authenticator.generate(enrolment.body.secret) }).expect(200);
    const me = await session.get('/api/auth/me').expect(200);
    expect(me.body.mfaEnabled).toBe(true);

    await session.delete('/api/auth/mfa', { password: 'not my password at all' }).expect(400);
    await session.delete('/api/auth/mfa', { password }).expect(204);
    expect((await session.get('/api/auth/me').expect(200)).body.mfaEnabled).toBe(false);
  });

  it('refuses to switch off two-factor for a role that requires it', async () => {
    const response = await admin.delete('/api/auth/mfa', { password: 'ruta-demo-2026' }).expect(409);
    expect(response.body.code).toBe('mfa_required');
  });
});
