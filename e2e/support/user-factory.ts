import { INestApplication } from '@nestjs/common';
import { Response } from 'supertest';
import { ApiSession, loginAs } from './sessions';

let counter = 0;

/** The two seeded administrators: a protected change filed by one is approved by the other (four eyes). */
export const ADMIN_EMAIL = 'admin@mininterior.demo';
export const SECOND_ADMIN_EMAIL = 'admin@oim.demo';

const approvers = new WeakMap<INestApplication, Map<string, Promise<ApiSession>>>();

/** A signed-in administrator other than the one who filed (one session per app and account, TOTP codes are scarce). */
export function otherAdministrator(app: INestApplication, requester: ApiSession): Promise<ApiSession> {
  const email = requester.loginResponse?.body?.me?.email === SECOND_ADMIN_EMAIL ? ADMIN_EMAIL : SECOND_ADMIN_EMAIL;
  const sessions = approvers.get(app) ?? new Map<string, Promise<ApiSession>>();
  approvers.set(app, sessions);
  if (!sessions.has(email)) sessions.set(email, loginAs(app, email));
  return sessions.get(email)!;
}

/**
 * The answer to a role or user change, once applied: a 202 (a protected change waiting for four eyes) is approved by
 * the other administrator, and that approval's answer (with any temporary password) is returned instead.
 */
export async function approvedByOther(app: INestApplication, requester: ApiSession, response: Response): Promise<Response> {
  if (response.status !== 202) return response;
  const approver = await otherAdministrator(app, requester);
  const approved = await approver.post(`/api/access-requests/${response.body.id}/approve`, { version: response.body.version });
  if (approved.status !== 200) throw new Error(`Approval failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved;
}

/** Creates a user with POST /api/users, through a second administrator's approval when the role is protected. */
export async function createUser(
  app: INestApplication,
  admin: ApiSession,
  body: { name: string; email: string; institutionId: string; roleId: string },
): Promise<{ id: string; temporaryPassword: string }> {
  const response = await admin.post('/api/users', body);
  if (response.status === 201) return { id: response.body.user.id, temporaryPassword: response.body.temporaryPassword };
  if (response.status !== 202) throw new Error(`Creating ${body.email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const approved = await approvedByOther(app, admin, response);
  return { id: approved.body.credentials.user.id, temporaryPassword: approved.body.credentials.temporaryPassword };
}

/**
 * A brand-new user created by the given administrator session, with its first-login password change done, so tests
 * that revoke or expire sessions never disturb the demo accounts other test files are using. A protected role (any
 * seeded role but the auditor) is approved by the other seeded administrator.
 */
export async function newUser(
  app: INestApplication,
  admin: ApiSession,
  options: { role: string; institution: string; password?: string },
): Promise<{ id: string; email: string; password: string }> {
  const [roles, institutions] = await Promise.all([admin.get('/api/roles'), admin.get('/api/institutions')]);
  const roleId = roles.body.find((r: { code: string }) => r.code === options.role)?.id;
  const institutionId = institutions.body.find((i: { code: string }) => i.code === options.institution)?.id;
  const email = `${options.role}.${Date.now().toString(36)}.${++counter}@${options.institution}.demo`;
  const created = await createUser(app, admin, { name: `Usuario Ficticio ${counter}`, email, institutionId, roleId });
  const password = options.password ?? `sendero del páramo ${counter} ${Date.now()}`;
  const first = await loginAs(app, email, created.temporaryPassword);
  const changed = await first.post('/api/auth/password', { currentPassword: created.temporaryPassword, newPassword: password });
  if (changed.status !== 204) throw new Error(`newUser password change failed: ${changed.status} ${JSON.stringify(changed.body)}`);
  return { id: created.id, email, password };
}
