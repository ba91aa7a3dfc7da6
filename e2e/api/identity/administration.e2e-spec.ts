import { INestApplication } from '@nestjs/common';
import { createTestApp } from '../../support/test-app';
import { ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { approvedByOther, newUser } from '../../support/user-factory';

describe('administration: institutions, roles as data, users, password resets, session lifetimes', () => {
  let app: INestApplication;
  let admin: ApiSession;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await loginAs(app, 'admin@mininterior.demo');
  });
  afterAll(async () => {
    await app.close();
  });

  it('adds, renames and deactivates an institution, with a 409 on a stale edit', async () => {
    const created = await admin.post('/api/institutions', { code: `comite-${Date.now() % 100000}`, name: 'Comité Territorial de Prueba', type: 'territorial_committee' }).expect(201);
    const renamed = await admin.patch(`/api/institutions/${created.body.id}`, { version: created.body.version, name: 'Comité Territorial Renombrado' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Comité Territorial Renombrado', version: created.body.version + 1 });
    const stale = await admin.patch(`/api/institutions/${created.body.id}`, { version: created.body.version, active: false }).expect(409);
    expect(stale.body.code).toBe('stale_version');
    await admin.patch(`/api/institutions/${created.body.id}`, { version: renamed.body.version, active: false }).expect(200);
    const duplicate = await admin.post('/api/institutions', { code: 'policia', name: 'Otra', type: 'police' }).expect(409);
    expect(duplicate.body.code).toBe('duplicate');
    const bad = await admin.post('/api/institutions', { code: 'X!', name: '', type: 'bakery' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'name', 'type']);
  });

  it('creates a role from a permission checklist; its holder gets exactly those permissions, and loses them at once', async () => {
    const role = await admin
      .post('/api/roles', { code: `lector-${Date.now() % 100000}`, nameEs: 'Lector de instituciones', nameEn: 'Institution reader', scope: 'none', requiresMfa: false, permissions: ['institutions:read'] })
      .expect(201);
    const institutions = await admin.get('/api/institutions').expect(200);
    const policia = institutions.body.find((i: { code: string }) => i.code === 'policia');
    const email = `lector.${Date.now()}@policia.demo`;
    const created = await admin.post('/api/users', { name: 'Lector Ficticio', email, institutionId: policia.id, roleId: role.body.id }).expect(201);
    expect(created.body.temporaryPassword).toMatch(/^tmp-/);

    // First login owes a password change and reaches nothing else.
    const reader = await loginAs(app, email, created.body.temporaryPassword);
    expect(reader.loginResponse!.body.stage).toBe('change_password');
    await reader.get('/api/institutions').expect(401);
    await reader.post('/api/auth/password', { currentPassword: created.body.temporaryPassword, newPassword: 'password1234' }).expect(400);
    await reader.post('/api/auth/password', { currentPassword: created.body.temporaryPassword, newPassword: 'orquídeas del chocó 2026' }).expect(204);
    await reader.get('/api/auth/me').expect(401);

    const again = await loginAs(app, email, 'orquídeas del chocó 2026');
    expect(again.loginResponse!.body.me.permissions).toEqual(['institutions:read']);
    await again.get('/api/institutions').expect(200);
    await again.get('/api/users').expect(403);

    await admin.patch(`/api/roles/${role.body.id}`, { version: role.body.version, permissions: ['users:read'] }).expect(200);
    await again.get('/api/institutions').expect(403);
    await again.get('/api/users').expect(200);
  });

  it('resets a password: the old one stops working, every session ends, a change is owed', async () => {
    const user = await newUser(app, admin, { role: 'prosecutor', institution: 'fiscalia' });
    const prosecutor = await loginAs(app, user.email, user.password);
    await prosecutor.get('/api/auth/me').expect(200);

    // A prosecutor holds victim data: the reset waits for the other administrator, who receives the password (four eyes).
    const requested = await admin.post(`/api/users/${user.id}/reset-password`).expect(202);
    expect(requested.body).toMatchObject({ kind: 'password_reset', status: 'pending', userId: user.id });
    expect(requested.body.temporaryPassword).toBeUndefined();
    await prosecutor.get('/api/auth/me').expect(200);
    const reset = await approvedByOther(app, admin, requested);
    await prosecutor.get('/api/auth/me').expect(401);
    await ApiSession.anonymous(app).post('/api/auth/login', { email: user.email, password: user.password }).expect(401);
    const next = await loginAs(app, user.email, reset.body.credentials.temporaryPassword);
    expect(next.loginResponse!.body.stage).toBe('change_password');
  });

  it('refuses an idle session after 30 minutes and any session after 12 hours', async () => {
    const user = await newUser(app, admin, { role: 'investigator', institution: 'das' });
    const idle = await loginAs(app, user.email, user.password);
    await idle.get('/api/auth/me').expect(200);
    await ownerQuery(`UPDATE sessions SET "lastSeenAt" = now() - interval '31 minutes' WHERE "userId" = $1 AND "revokedAt" IS NULL`, [user.id]);
    await idle.get('/api/auth/me').expect(401);

    const old = await loginAs(app, user.email, user.password);
    await old.get('/api/auth/me').expect(200);
    await ownerQuery(`UPDATE sessions SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1 AND "revokedAt" IS NULL`, [user.id]);
    await old.get('/api/auth/me').expect(401);
  });

  it('keeps an administrator\'s edit valid when the user merely signs in meanwhile', async () => {
    const user = await newUser(app, admin, { role: 'caseworker', institution: 'oim' });
    const opened = await admin.get(`/api/users/${user.id}`).expect(200);
    await loginAs(app, user.email, user.password);
    await admin.patch(`/api/users/${user.id}`, { version: opened.body.version, name: 'Nombre Corregido Ficticio' }).expect(200);
  });

  it('does not let an administrator read victim cases', async () => {
    await admin.post('/api/cases/search', {}).expect(403);
  });
});
