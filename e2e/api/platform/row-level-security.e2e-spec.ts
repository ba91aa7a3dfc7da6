import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { createTestApp } from '../../support/test-app';
import { asAppRole, asSystemRole, sessionOf, sessionWithRole } from '../../support/app-role';
import { loginAs } from '../../support/sessions';

async function ownerRows(sql: string, params: unknown[] = []) {
  const owner = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
  await owner.connect();
  try {
    return (await owner.query(sql, params)).rows;
  } finally {
    await owner.end();
  }
}

describe('row-level security: one institution cannot see another one\'s rows', () => {
  let app: INestApplication;
  let policia: string;
  let das: string;
  let dasUserId: string;

  beforeAll(async () => {
    app = await createTestApp();
    const owner = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
    await owner.connect();
    await owner.query(`SELECT set_config('ruta.system', 'on', false)`);
    const rows = (await owner.query(`SELECT code, id FROM institutions WHERE code IN ('policia', 'das')`)).rows;
    policia = rows.find((r) => r.code === 'policia').id;
    das = rows.find((r) => r.code === 'das').id;
    dasUserId = (await owner.query(`SELECT id FROM users WHERE email = 'investigator@das.demo'`)).rows[0].id;
    await owner.end();
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists only the own institution\'s users to a police investigator, through the API', async () => {
    const session = await loginAs(app, 'investigator@policia.demo');
    const response = await session.get('/api/users?limit=100').expect(200);
    const codes = new Set(response.body.items.map((u: { institution: { code: string } }) => u.institution.code));
    expect([...codes]).toEqual(['policia']);
    await session.get(`/api/users/${dasUserId}`).expect(404);
  });

  it('hides the rows of another institution from raw SQL run as the application role', async () => {
    const reader = await sessionWithRole({ institution: 'policia', scope: 'institution', permissions: ['users:read'] });
    await asAppRole(reader.token, async (client) => {
      const visible = await client.query(`SELECT DISTINCT "institutionId" FROM users`);
      expect(visible.rows.map((r) => r.institutionId)).toEqual([policia]);
      const read = await client.query(`SELECT id FROM users WHERE id = $1`, [dasUserId]);
      expect(read.rowCount).toBe(0);
      const update = await client.query(`UPDATE users SET name = 'hijacked' WHERE id = $1`, [dasUserId]);
      expect(update.rowCount).toBe(0);
    });
    const dasReader = await sessionWithRole({ institution: 'das', scope: 'institution', permissions: [] });
    await asAppRole(dasReader.token, async (client) => {
      const visible = await client.query(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [dasUserId]);
      expect(visible.rows[0].n).toBe(1);
    });
  });

  it('shows nothing at all without a request context', async () => {
    await asAppRole(undefined, async (client) => {
      expect((await client.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(0);
      expect((await client.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBe(0);
    });
  });

  it('keeps the audit trail append-only, even for its owner', async () => {
    await asAppRole(await sessionOf('auditor@procuraduria.demo'), async (client) => {
      await expect(client.query(`UPDATE audit_events SET action = 'read'`)).rejects.toThrow(/permission denied|append-only/);
    });
    await asSystemRole(async (client) => {
      await expect(client.query(`UPDATE audit_events SET action = 'read'`)).rejects.toThrow(/permission denied|append-only/);
    });
    const owner = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
    await owner.connect();
    try {
      await expect(owner.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  describe('the database derives the actor from a verified session, not from what the application role says', () => {
    it('ignores every ruta.* setting: claiming to be the system or any scope reveals nothing', async () => {
      await asAppRole(undefined, async (client) => {
        await client.query(
          `SELECT set_config('ruta.system', 'on', true), set_config('ruta.scope', 'all', true), set_config('ruta.user_id', $1, true),
                  set_config('ruta.institution_id', $2, true),
                  set_config('ruta.permissions', 'cases:read,victim_identity:read,victim_location:read,notes:read,documents:read,users:manage,audit:read', true)`,
          [dasUserId, das],
        );
        for (const table of ['cases', 'victims', 'victim_locations', 'case_notes', 'users', 'sessions', 'audit_events']) {
          expect({ table, n: (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n }).toEqual({ table, n: 0 });
        }
        await expect(client.query(`INSERT INTO audit_seals (seq, "eventId", "hash", "prevHash") VALUES (999999, 1, repeat('x', 64), repeat('y', 64))`)).rejects.toThrow(/row-level security|violates|permission/);
      });
    });

    it('never lets the application role read password hashes, TOTP secrets or recovery codes, even for an administrator', async () => {
      const admin = await sessionOf('admin@mininterior.demo');
      for (const column of ['passwordHash', 'mfaSecret', 'recoveryCodeHashes']) {
        await asAppRole(admin, async (client) => {
          await expect(client.query(`SELECT "${column}" FROM users LIMIT 1`)).rejects.toThrow(/permission denied/);
        });
      }
      await asAppRole(admin, async (client) => {
        // The rest of the row stays readable, which is what the administration screens need.
        expect((await client.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%.demo'`)).rows[0].n).toBeGreaterThan(5);
      });
      await asSystemRole(async (client) => {
        expect((await client.query(`SELECT count(*)::int AS n FROM users WHERE "passwordHash" LIKE '$argon2id$%'`)).rows[0].n).toBeGreaterThan(5);
      });
    });

    it('refuses a user changing their own role, institution or active flag without users:manage', async () => {
      const adminRole = (await ownerRows(`SELECT id FROM roles WHERE code = 'admin'`))[0].id;
      await asAppRole(await sessionOf('investigator@das.demo'), async (client) => {
        await expect(client.query(`UPDATE users SET "roleId" = $1 WHERE id = $2`, [adminRole, dasUserId])).rejects.toThrow(/users:manage/);
      });
      await asAppRole(await sessionOf('investigator@das.demo'), async (client) => {
        expect((await client.query(`UPDATE users SET language = 'en' WHERE id = $1`, [dasUserId])).rowCount).toBe(1);
      });
    });

    it('stamps audit events with the database time and the session\'s actor, whatever the application writes', async () => {
      const token = await sessionOf('investigator@das.demo');
      const client = new Client({ connectionString: process.env.RUTA_TEST_APP_URL });
      await client.connect();
      const marker = `forged-${Date.now()}`;
      try {
        await client.query('BEGIN');
        await client.query(`SELECT ruta_begin_request($1)`, [token]);
        const adminId = (await ownerRows(`SELECT id FROM users WHERE email = 'admin@mininterior.demo'`))[0].id;
        await client.query(
          `INSERT INTO audit_events ("occurredAt", "actorUserId", "actorInstitutionId", "actorRole", action, "requestId") VALUES ('2020-01-01', $1, $2, 'admin', 'read', $3)`,
          [adminId, policia, marker],
        );
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
      const [event] = await ownerRows(`SELECT "occurredAt", "actorUserId", "actorInstitutionId", "actorRole" FROM audit_events WHERE "requestId" = $1`, [marker]);
      expect(event).toMatchObject({ actorUserId: dasUserId, actorInstitutionId: das, actorRole: 'investigator' });
      expect(Date.now() - new Date(event.occurredAt).getTime()).toBeLessThan(60_000);
    });

    it('finds the request\'s session by its unique index, not by reading every session', async () => {
      const token = await sessionOf('investigator@das.demo');
      const scans = await asAppRole(undefined, async (client) => {
        // With sequential scans priced out, a look-up the index can answer uses it; one it cannot (text vs character) still scans.
        await client.query('SET LOCAL enable_seqscan = off');
        expect((await client.query(`SELECT ruta_begin_request($1) AS ok`, [token])).rows[0].ok).toBe(true);
        return (await client.query(`SELECT seq_scan::int AS seq, idx_scan::int AS idx FROM pg_stat_xact_user_tables WHERE relname = 'sessions'`)).rows[0];
      });
      expect(scans).toEqual({ seq: 0, idx: 1 });
    });

    it('keeps a context to its own transaction and forgets a revoked session', async () => {
      const token = await sessionOf('investigator@das.demo');
      const client = new Client({ connectionString: process.env.RUTA_TEST_APP_URL });
      await client.connect();
      try {
        await client.query('BEGIN');
        expect((await client.query(`SELECT ruta_begin_request($1) AS ok`, [token])).rows[0].ok).toBe(true);
        expect((await client.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBeGreaterThan(0);
        await client.query('COMMIT');
        // The same connection, next transaction (a pooled connection handed to another request): nothing.
        await client.query('BEGIN');
        expect((await client.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(0);
        await client.query('COMMIT');
        await ownerRows(`UPDATE sessions SET "revokedAt" = now() WHERE "tokenHash" = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [token]);
        await client.query('BEGIN');
        expect((await client.query(`SELECT ruta_begin_request($1) AS ok`, [token])).rows[0].ok).toBe(false);
        expect((await client.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(0);
        await client.query('ROLLBACK');
      } finally {
        await client.end();
      }
    });
  });
});
