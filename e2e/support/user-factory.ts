import { INestApplication } from '@nestjs/common';
import { ApiSession, loginAs } from './sessions';

let counter = 0;

/**
 * A brand-new user created by the given administrator session, with its first-login password change done, so tests
 * that revoke or expire sessions never disturb the demo accounts other test files are using.
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
  const created = await admin.post('/api/users', { name: `Usuario Ficticio ${counter}`, email, institutionId, roleId });
  if (created.status !== 201) throw new Error(`newUser failed: ${created.status} ${JSON.stringify(created.body)}`);
  const password = options.password ?? `sendero del páramo ${counter} ${Date.now()}`;
  const first = await loginAs(app, email, created.body.temporaryPassword);
  const changed = await first.post('/api/auth/password', { currentPassword: created.body.temporaryPassword, newPassword: password });
  if (changed.status !== 204) throw new Error(`newUser password change failed: ${changed.status} ${JSON.stringify(changed.body)}`);
  return { id: created.body.user.id, email, password };
}
