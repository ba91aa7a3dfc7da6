import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { createTestApp } from '../../support/test-app';
import { asAppRole } from '../../support/app-role';
import { loginAs } from '../../support/sessions';

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
    const context = { user_id: '00000000-0000-4000-8000-000000000001', institution_id: policia, scope: 'institution', permissions: 'users:read' };
    await asAppRole(context, async (client) => {
      const visible = await client.query(`SELECT DISTINCT "institutionId" FROM users`);
      expect(visible.rows.map((r) => r.institutionId)).toEqual([policia]);
      const read = await client.query(`SELECT id FROM users WHERE id = $1`, [dasUserId]);
      expect(read.rowCount).toBe(0);
      const update = await client.query(`UPDATE users SET name = 'hijacked' WHERE id = $1`, [dasUserId]);
      expect(update.rowCount).toBe(0);
    });
    await asAppRole({ institution_id: das, scope: 'institution' }, async (client) => {
      const visible = await client.query(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [dasUserId]);
      expect(visible.rows[0].n).toBe(1);
    });
  });

  it('shows nothing at all without a request context', async () => {
    await asAppRole({}, async (client) => {
      expect((await client.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(0);
      expect((await client.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBe(0);
    });
  });

  it('keeps the audit trail append-only, even for its owner', async () => {
    await asAppRole({ system: 'on' }, async (client) => {
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
});
