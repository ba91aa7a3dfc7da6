import { INestApplication } from '@nestjs/common';
import { createTestApp } from '../../support/test-app';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs, nextTotp } from '../../support/sessions';
import { ADMIN_EMAIL, SECOND_ADMIN_EMAIL } from '../../support/user-factory';

/**
 * Issue 8, item 1: "an administrator can give itself victim data". An administrator (no victim data) created a role
 * with scope `all` and the victim permissions, gave it to a user of their own, signed in as that user and read a DAS
 * case with identity and shelter. Now every such change waits for a second administrator (four eyes).
 */
const ESCALATION = {
  scope: 'all',
  permissions: ['cases:read', 'victim_identity:read', 'victim_location:read', 'notes:read', 'documents:read'],
} as const;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${++counter}`;

describe('four eyes: protected access takes effect only when a second administrator approves', () => {
  let app: INestApplication;
  let admin: ApiSession;
  let second: ApiSession;
  let auditor: ApiSession;
  let dasCase: string;
  let mininteriorId: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await loginAs(app, ADMIN_EMAIL);
    second = await loginAs(app, SECOND_ADMIN_EMAIL);
    auditor = await loginAs(app, 'auditor@procuraduria.demo');
    const das = await loginAs(app, 'investigator@das.demo');
    const created = await das.post('/api/cases', newCaseRequest({ victim: { givenNames: 'Rosa Ficticia', shelterLocation: 'Casa refugio ficticia DAS 3' } })).expect(201);
    dasCase = created.body.case.code;
    mininteriorId = (await admin.get('/api/institutions').expect(200)).body.find((i: { code: string }) => i.code === 'mininterior').id;
  });
  afterAll(async () => {
    await app.close();
  });

  /** Files the escalation role and has the second administrator approve it; returns the new role's id. */
  async function approvedEscalationRole(): Promise<string> {
    const filed = await admin.post('/api/roles', { code: `escalada-${unique()}`, nameEs: 'Rol ficticio con datos', nameEn: 'Fictitious data role', requiresMfa: true, ...ESCALATION }).expect(202);
    const approved = await second.post(`/api/access-requests/${filed.body.id}/approve`, { version: filed.body.version }).expect(200);
    return approved.body.request.roleId;
  }

  /** Enrols TOTP in a session that owes it; returns the secret. */
  async function enrolTotp(session: ApiSession, email: string): Promise<string> {
    expect(session.loginResponse!.body.stage).toBe('enrol_totp');
    const enrolment = await session.post('/api/auth/mfa/enrol').expect(200);
    await session.post('/api/auth/mfa/confirm', { code: await nextTotp(email, enrolment.body.secret) }).expect(200);
    return enrolment.body.secret;
  }

  it('refuses a role with victim permissions that does not require two-factor, with a field error', async () => {
    const response = await admin.post('/api/roles', { code: `sin-mfa-${unique()}`, nameEs: 'Sin dos pasos', nameEn: 'No two-step', requiresMfa: false, ...ESCALATION }).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'requiresMfa', code: 'protected_role_mfa' })]);
  });

  it('holds back the escalating role and user; the escalated user reads the DAS case only after the second administrator approves both', async () => {
    const code = `escalada-${unique()}`;
    const filedRole = await admin.post('/api/roles', { code, nameEs: 'Rol ficticio con datos', nameEn: 'Fictitious data role', requiresMfa: true, ...ESCALATION }).expect(202);
    expect(filedRole.headers.location).toBe(`/api/access-requests/${filedRole.body.id}`);
    expect(filedRole.body).toMatchObject({
      kind: 'role_create',
      status: 'pending',
      roleId: null,
      canDecide: false,
      canCancel: true,
      summary: { role: { code, scope: 'all', requiresMfa: true, permissions: [...ESCALATION.permissions].sort() } },
    });
    expect((await admin.get('/api/roles').expect(200)).body.map((r: { code: string }) => r.code)).not.toContain(code);

    // The requester cannot approve their own request.
    const own = await admin.post(`/api/access-requests/${filedRole.body.id}/approve`, { version: filedRole.body.version }).expect(403);
    expect(own.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(own.body.code).toBe('own_request');

    const listed = (await second.get('/api/access-requests?status=pending').expect(200)).body.find((r: { id: string }) => r.id === filedRole.body.id);
    expect(listed).toMatchObject({ canDecide: true, canCancel: false, requestedBy: { name: 'Ana Administradora (demo)' } });
    const approvedRole = await second.post(`/api/access-requests/${filedRole.body.id}/approve`, { version: filedRole.body.version }).expect(200);
    expect(approvedRole.body.request).toMatchObject({ status: 'approved', decidedBy: { name: 'Óscar Administrador OIM (demo)' } });
    const role = (await admin.get('/api/roles').expect(200)).body.find((r: { code: string }) => r.code === code);
    expect(role).toMatchObject({ id: approvedRole.body.request.roleId, scope: 'all', requiresMfa: true });

    // Giving that role to a new user is held back too, and the requester never sees a password.
    const email = `escalado.${unique()}@mininterior.demo`;
    const filedUser = await admin.post('/api/users', { name: 'Usuario Escalado Ficticio', email, institutionId: mininteriorId, roleId: role.id }).expect(202);
    expect(filedUser.body).toMatchObject({ kind: 'user_create', status: 'pending', roleId: role.id, userId: null, summary: { user: { email } } });
    expect(filedUser.body.temporaryPassword).toBeUndefined();
    await ApiSession.anonymous(app).post('/api/auth/login', { email, password: 'cualquier clave larga 2026' }).expect(401);
    expect((await admin.post(`/api/access-requests/${filedUser.body.id}/approve`, { version: filedUser.body.version }).expect(403)).body.code).toBe('own_request');

    const approvedUser = await second.post(`/api/access-requests/${filedUser.body.id}/approve`, { version: filedUser.body.version }).expect(200);
    expect(approvedUser.body.request).toMatchObject({ status: 'approved', userId: approvedUser.body.credentials.user.id });
    const temporary = approvedUser.body.credentials.temporaryPassword;
    expect(temporary).toMatch(/^tmp-/);

    // Now, and only now, the account exists: it enrols two-factor (the role requires it), and reads identity and shelter.
    const first = await loginAs(app, email, temporary);
    const secret = await enrolTotp(first, email);
    const password = 'cordillera de los picachos 2026';
    await first.post('/api/auth/password', { currentPassword: temporary, newPassword: password }).expect(204);
    const escalated = ApiSession.anonymous(app);
    escalated.captureXsrf(await escalated.post('/api/auth/login', { email, password }).expect(200));
    await escalated.post('/api/auth/totp', { code: await nextTotp(email, secret) }).expect(200);
    const detail = await escalated.get(`/api/cases/${dasCase}`).expect(200);
    expect(detail.body.victim).toMatchObject({ givenNames: 'Rosa Ficticia', shelterLocation: 'Casa refugio ficticia DAS 3' });
  });

  it('keeps an existing user away from the DAS case while the role change waits, and lets them in once approved', async () => {
    const roleId = await approvedEscalationRole();
    const reader = await admin
      .post('/api/roles', { code: `lector-${unique()}`, nameEs: 'Lector de instituciones', nameEn: 'Institution reader', scope: 'none', requiresMfa: false, permissions: ['institutions:read'] })
      .expect(201);
    const email = `lector.${unique()}@mininterior.demo`;
    const created = await admin.post('/api/users', { name: 'Lector Ficticio', email, institutionId: mininteriorId, roleId: reader.body.id }).expect(201);
    const temporary = created.body.temporaryPassword;
    const first = await loginAs(app, email, temporary);
    await first.post('/api/auth/password', { currentPassword: temporary, newPassword: 'sabana de bogotá al alba' }).expect(204);
    const user = await loginAs(app, email, 'sabana de bogotá al alba');

    const filed = await admin.patch(`/api/users/${created.body.user.id}`, { version: created.body.user.version, roleId }).expect(202);
    expect(filed.body).toMatchObject({ kind: 'user_update', status: 'pending', userId: created.body.user.id, roleId });
    await user.get(`/api/cases/${dasCase}`).expect(403);
    expect((await admin.get(`/api/users/${created.body.user.id}`).expect(200)).body.role.id).toBe(reader.body.id);

    await second.post(`/api/access-requests/${filed.body.id}/approve`, { version: filed.body.version }).expect(200);
    // The role change ended the user's sessions; the new role requires two-factor.
    await user.get('/api/auth/me').expect(401);
    const again = await loginAs(app, email, 'sabana de bogotá al alba');
    await enrolTotp(again, email);
    const detail = await again.get(`/api/cases/${dasCase}`).expect(200);
    expect(detail.body.victim.shelterLocation).toBe('Casa refugio ficticia DAS 3');
  });

  it('refuses self-assignment: neither requesting protected access for oneself nor approving a request about oneself', async () => {
    const roleId = await approvedEscalationRole();
    const me = (await admin.get('/api/auth/me').expect(200)).body;
    const self = await admin.get(`/api/users/${me.id}`).expect(200);
    const toSelf = await admin.patch(`/api/users/${me.id}`, { version: self.body.version, roleId }).expect(403);
    expect(toSelf.body.code).toBe('self_assignment');

    const adminRole = (await admin.get('/api/roles').expect(200)).body.find((r: { code: string }) => r.code === 'admin');
    const ownRole = await admin.patch(`/api/roles/${adminRole.id}`, { version: adminRole.version, permissions: [...adminRole.permissions, 'cases:read'] }).expect(403);
    expect(ownRole.body.code).toBe('self_assignment');

    // A request about the second administrator cannot be approved by them; its requester withdraws it.
    const secondMe = (await second.get('/api/auth/me').expect(200)).body;
    const secondUser = await admin.get(`/api/users/${secondMe.id}`).expect(200);
    const filed = await admin.patch(`/api/users/${secondMe.id}`, { version: secondUser.body.version, roleId }).expect(202);
    expect(filed.body.canDecide).toBe(false);
    const listed = (await second.get('/api/access-requests').expect(200)).body.find((r: { id: string }) => r.id === filed.body.id);
    expect(listed.canDecide).toBe(false);
    const aboutSelf = await second.post(`/api/access-requests/${filed.body.id}/approve`, { version: filed.body.version }).expect(403);
    expect(aboutSelf.body.code).toBe('self_assignment');
    expect((await second.post(`/api/access-requests/${filed.body.id}/cancel`, { version: filed.body.version }).expect(403)).body.code).toBe('not_requester');
    const cancelled = await admin.post(`/api/access-requests/${filed.body.id}/cancel`, { version: filed.body.version }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', canCancel: false });
    expect((await admin.get(`/api/users/${secondMe.id}`).expect(200)).body.role.code).toBe('admin');
  });

  it('refuses with a reason: nothing is applied, and a decided request cannot be decided again', async () => {
    const code = `rechazada-${unique()}`;
    const filed = await admin.post('/api/roles', { code, nameEs: 'Rol rechazado', nameEn: 'Refused role', requiresMfa: true, ...ESCALATION }).expect(202);
    const ownRefusal = await admin.post(`/api/access-requests/${filed.body.id}/refuse`, { version: filed.body.version, reason: 'No' }).expect(403);
    expect(ownRefusal.body.code).toBe('own_request');
    await second.post(`/api/access-requests/${filed.body.id}/refuse`, { version: filed.body.version, reason: '' }).expect(400);
    const refused = await second.post(`/api/access-requests/${filed.body.id}/refuse`, { version: filed.body.version, reason: 'Ningún rol necesita todos los casos con identidad' }).expect(200);
    expect(refused.body.request).toMatchObject({ status: 'refused', reason: 'Ningún rol necesita todos los casos con identidad', canDecide: false });
    const again = await second.post(`/api/access-requests/${filed.body.id}/approve`, { version: refused.body.request.version }).expect(409);
    expect(again.body.code).toBe('request_decided');
    expect((await admin.get('/api/roles').expect(200)).body.map((r: { code: string }) => r.code)).not.toContain(code);
  });

  it('answers 409 when the role changed after the request, and leaves the request pending', async () => {
    const roleId = await approvedEscalationRole();
    const role = (await admin.get('/api/roles').expect(200)).body.find((r: { id: string }) => r.id === roleId);
    const filed = await admin.patch(`/api/roles/${roleId}`, { version: role.version, permissions: [...role.permissions, 'documents:upload'] }).expect(202);
    expect(filed.body.summary.previous.permissions).not.toContain('documents:upload');
    // A rename is not about access: it applies at once, and makes the filed change stale.
    await admin.patch(`/api/roles/${roleId}`, { version: role.version, nameEs: 'Rol ficticio renombrado' }).expect(200);
    const stale = await second.post(`/api/access-requests/${filed.body.id}/approve`, { version: filed.body.version }).expect(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await second.get(`/api/access-requests/${filed.body.id}`).expect(200)).body.status).toBe('pending');
    // Revoking a permission of a protected role is immediate.
    const renamed = (await admin.get('/api/roles').expect(200)).body.find((r: { id: string }) => r.id === roleId);
    await admin.patch(`/api/roles/${roleId}`, { version: renamed.version, permissions: ['cases:read'] }).expect(200);
  });

  it('holds back a new administrator too, and refuses a role change that would reach its requester', async () => {
    // Approval powers are protected: otherwise one administrator could create a second one to approve with.
    const roles = (await admin.get('/api/roles').expect(200)).body;
    const adminRole = roles.find((r: { code: string }) => r.code === 'admin');
    const email = `tercer.admin.${unique()}@mininterior.demo`;
    const filed = await admin.post('/api/users', { name: 'Tercera Administradora Ficticia', email, institutionId: mininteriorId, roleId: adminRole.id }).expect(202);
    const approved = await second.post(`/api/access-requests/${filed.body.id}/approve`, { version: filed.body.version }).expect(200);
    const temporary = approved.body.credentials.temporaryPassword;
    const first = await loginAs(app, email, temporary);
    const secret = await enrolTotp(first, email);
    await first.post('/api/auth/password', { currentPassword: temporary, newPassword: 'mariposas del amazonas 2026' }).expect(204);
    const third = ApiSession.anonymous(app);
    third.captureXsrf(await third.post('/api/auth/login', { email, password: 'mariposas del amazonas 2026' }).expect(200));
    await third.post('/api/auth/totp', { code: await nextTotp(email, secret) }).expect(200);

    // The third administrator files a widening of a harmless role, then takes that role (harmless, so at once).
    const harmless = await third.post('/api/roles', { code: `inocuo-${unique()}`, nameEs: 'Rol inocuo', nameEn: 'Harmless role', scope: 'none', requiresMfa: false, permissions: ['institutions:read'] }).expect(201);
    const widening = await third.patch(`/api/roles/${harmless.body.id}`, { version: harmless.body.version, requiresMfa: true, ...ESCALATION }).expect(202);
    const thirdId = approved.body.credentials.user.id;
    const thirdUser = await admin.get(`/api/users/${thirdId}`).expect(200);
    await third.patch(`/api/users/${thirdId}`, { version: thirdUser.body.version, roleId: harmless.body.id }).expect(200);
    const reachesRequester = await second.post(`/api/access-requests/${widening.body.id}/approve`, { version: widening.body.version }).expect(403);
    expect(reachesRequester.body.code).toBe('self_assignment');
  });

  it('resets the password of a victim-data holder only through a second administrator, who receives it', async () => {
    const investigator = (await ownerQuery<{ id: string }>(`SELECT id FROM users WHERE email = 'investigator@policia.demo'`))[0];
    const filed = await admin.post(`/api/users/${investigator.id}/reset-password`).expect(202);
    expect(filed.body).toMatchObject({ kind: 'password_reset', userId: investigator.id });
    expect(filed.body.temporaryPassword).toBeUndefined();
    // Withdrawn, so the demo account other files use keeps its password.
    await admin.post(`/api/access-requests/${filed.body.id}/cancel`, { version: filed.body.version }).expect(200);
  });

  it('audits requests, approvals, refusals and withdrawals, and shows them on the auditor\'s screen', async () => {
    const filed = await admin.post('/api/roles', { code: `auditada-${unique()}`, nameEs: 'Rol auditado', nameEn: 'Audited role', requiresMfa: true, ...ESCALATION }).expect(202);
    await second.post(`/api/access-requests/${filed.body.id}/approve`, { version: filed.body.version }).expect(200);
    const refusedFiling = await admin.post('/api/roles', { code: `auditada-${unique()}`, nameEs: 'Rol auditado 2', nameEn: 'Audited role 2', requiresMfa: true, ...ESCALATION }).expect(202);
    await second.post(`/api/access-requests/${refusedFiling.body.id}/refuse`, { version: refusedFiling.body.version, reason: 'Innecesario' }).expect(200);

    const events = await ownerQuery<{ action: string; entityId: string; details: Record<string, unknown> }>(
      `SELECT action, "entityId", details FROM audit_events WHERE "entityType" = 'access_change_request' AND "entityId" = ANY($1) ORDER BY id`,
      [[filed.body.id, refusedFiling.body.id]],
    );
    expect(events.map((e) => [e.entityId, e.action])).toEqual([
      [filed.body.id, 'change_requested'],
      [filed.body.id, 'change_approved'],
      [refusedFiling.body.id, 'change_requested'],
      [refusedFiling.body.id, 'change_refused'],
    ]);
    expect(events[0].details).toMatchObject({ kind: 'role_create', scope: 'all' });
    // The free-text reason stays on the request, out of the audit trail.
    expect(JSON.stringify(events[3].details)).not.toContain('Innecesario');
    const created = await ownerQuery<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE action = 'create' AND "entityType" = 'role' AND details->>'approvalRequestId' = $1`, [filed.body.id]);
    expect(created).toHaveLength(1);

    const seen = await auditor.get(`/api/audit/events?entityType=access_change_request&entityId=${filed.body.id}`).expect(200);
    expect(seen.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['change_approved', 'change_requested']);
    await auditor.get('/api/access-requests').expect(403);
  });
});
