import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { hashPassword, temporaryPassword } from '../auth/credentials';
import { runCli, withOwnerDatabase } from '@ruta/platform';

/**
 * `npm run admin:create -- --email a@b.gov.co --name "Nombre" [--institution mininterior]`: the first administrator of
 * a production database. Prints a temporary password once; the administrator changes it and enrols TOTP at first login.
 */
runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, institution: { type: 'string', default: 'mininterior' } } });
  if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email) || !values.name) {
    process.stderr.write('Usage: npm run admin:create -- --email <email> --name <full name> [--institution <code>]\n');
    return 2;
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const created = await withOwnerDatabase(async (manager) => {
    const rows = await manager.query(
      `INSERT INTO users (email, name, "institutionId", "roleId", "passwordHash", "mustChangePassword", version)
       SELECT $1, $2, i.id, r.id, $3, true, 1 FROM institutions i, roles r WHERE i.code = $4 AND r.code = 'admin'
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [values.email!.toLowerCase(), values.name, passwordHash, values.institution],
    );
    if (rows.length) await manager.query(`INSERT INTO audit_events (action, "entityType", "entityId", details) VALUES ('create', 'user', $1, '{"via":"cli"}')`, [rows[0].id]);
    return rows.length > 0;
  });
  if (!created) {
    process.stderr.write(`[ruta] Not created: the email exists already or the institution "${values.institution}" is unknown\n`);
    return 1;
  }
  process.stdout.write(`[ruta] Administrator ${values.email} created. Temporary password (shown once): ${password}\n`);
  return 0;
});
