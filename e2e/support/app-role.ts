import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { RecordScope } from '@ruta/shared';
import { withOwner as asOwner } from './owner-scan';

/**
 * A live session for a user, made as the owner, as the server would make it at login: returns the raw token. The
 * database derives the acting user from it (`ruta_begin_request`).
 */
export async function openSessionFor(userId: string, options: { mfaVerified?: boolean } = {}): Promise<string> {
  const token = randomBytes(32).toString('hex');
  await asOwner((client) =>
    client.query(
      `INSERT INTO sessions ("tokenHash", "csrfToken", "userId", "mfaVerified", "expiresAt")
       VALUES (encode(sha256(convert_to($1, 'UTF8')), 'hex'), $2, $3, $4, now() + interval '1 hour')`,
      [token, randomBytes(32).toString('hex'), userId, options.mfaVerified ?? true],
    ),
  );
  return token;
}

/** A session of a demo user, by e-mail. */
export async function sessionOf(email: string): Promise<string> {
  const [row] = await asOwner(async (client) => (await client.query(`SELECT id FROM users WHERE email = $1`, [email])).rows);
  if (!row) throw new Error(`No user ${email}`);
  return openSessionFor(row.id);
}

/**
 * A session of a new user with a role made for the test (any scope and permissions), in an institution given by code.
 * For raw-SQL tests of row-level security with actors no seeded role has.
 */
export async function sessionWithRole(role: { institution: string; scope: RecordScope; permissions: string[] }): Promise<{ token: string; userId: string }> {
  const suffix = randomBytes(6).toString('hex');
  const userId = await asOwner(async (client) => {
    const roleRow = await client.query(
      `INSERT INTO roles (code, "nameEs", "nameEn", scope, permissions, version) VALUES ($1, $1, $1, $2, $3, 1) RETURNING id`,
      [`test_${suffix}`, role.scope, role.permissions],
    );
    const userRow = await client.query(
      `INSERT INTO users (email, name, "institutionId", "roleId", "passwordHash", version)
       SELECT $1, $1, i.id, $2, 'x', 1 FROM institutions i WHERE i.code = $3 RETURNING id`,
      [`test-${suffix}@rls.test`, roleRow.rows[0].id, role.institution],
    );
    return userRow.rows[0].id as string;
  });
  return { token: await openSessionFor(userId), userId };
}

/**
 * Runs SQL as the application role (`ruta_app`) in one transaction that is rolled back. With a session token the
 * transaction begins a request as the server does (`ruta_begin_request`): what row-level security lets that user see,
 * without the application in the way. Without one, the transaction has no actor at all.
 */
export async function asAppRole<T>(sessionToken: string | undefined, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.RUTA_TEST_APP_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    if (sessionToken) await client.query(`SELECT ruta_begin_request($1)`, [sessionToken]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

/** Runs SQL as the system role (`ruta_system`) in one transaction that is rolled back. */
export async function asSystemRole<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.RUTA_TEST_SYSTEM_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}
