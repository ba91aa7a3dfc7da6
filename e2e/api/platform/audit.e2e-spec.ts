import { INestApplication } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import request from 'supertest';
import { createTestApp } from '../../support/test-app';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { ApiSession, loginAs } from '../../support/sessions';

describe('audit trail: events, filters and tamper detection', () => {
  let app: INestApplication;
  let auditor: ApiSession;

  beforeAll(async () => {
    app = await createTestApp();
    auditor = await loginAs(app, 'auditor@procuraduria.demo');
  });
  afterAll(async () => {
    await app.close();
  });

  it('records failed logins and permission denials, and lets the auditor filter them', async () => {
    await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'caseworker@oim.demo', password: 'not-the-password' }).expect(401);
    const caseworker = await loginAs(app, 'caseworker@oim.demo');
    const refused = await caseworker.get('/api/audit/events').expect(403);

    const failed = await auditor.get('/api/audit/events?action=login_failed&limit=5').expect(200);
    expect(failed.body.items[0]).toMatchObject({ action: 'login_failed', outcome: 'failure', actorInstitutionCode: 'oim' });
    const me = await caseworker.get('/api/auth/me').expect(200);
    const denied = await auditor.get(`/api/audit/events?action=access_denied&userId=${me.body.id}`).expect(200);
    const event = denied.body.items.find((e: { requestId: string }) => e.requestId === refused.body.requestId);
    expect(event).toMatchObject({ outcome: 'denied', actorRole: 'caseworker', details: { permission: 'audit:read' } });
    expect(JSON.stringify(failed.body)).not.toContain('not-the-password');
  });

  it('pages through events newest first with a cursor', async () => {
    const first = await auditor.get('/api/audit/events?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await auditor.get(`/api/audit/events?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    const last = first.body.items[1];
    const next = second.body.items[0];
    // Newest first by time, then id: the next page starts right below the last event of this one.
    expect(Date.parse(next.occurredAt) < Date.parse(last.occurredAt) || (next.occurredAt === last.occurredAt && BigInt(next.id) < BigInt(last.id))).toBe(true);
    expect(second.body.items.map((e: { id: string }) => e.id)).not.toContain(first.body.items[0].id);
  });

  it('rejects a bad filter with a field error', async () => {
    const response = await auditor.get('/api/audit/events?action=dance&from=yesterday&entityType=saved_filter').expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'entityType', 'from']);
  });

  it('filters by an entity type of the closed list', async () => {
    const users = await auditor.get('/api/audit/events?entityType=user&limit=20').expect(200);
    expect(users.body.items.length).toBeGreaterThan(0);
    expect(users.body.items.every((e: { entityType: string }) => e.entityType === 'user')).toBe(true);
  });

  it('verifies the chain, then detects one tampered row', async () => {
    const clean = await auditor.post('/api/audit/verify').expect(200);
    expect(clean.body).toMatchObject({ ok: true });
    expect(clean.body.checked).toBeGreaterThan(0);

    const owner = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
    await owner.connect();
    const { rows } = await owner.query(`SELECT "eventId" FROM audit_seals ORDER BY seq LIMIT 1 OFFSET 2`);
    try {
      // Only this session skips triggers (a superuser's way around the append-only guard), as an attacker with the
      // database's keys could; other test files running meanwhile still see the guard in force.
      await owner.query(`SET session_replication_role = replica`);
      await owner.query(`UPDATE audit_events SET action = 'read' WHERE id = $1`, [rows[0].eventId]);
      const tampered = await auditor.post('/api/audit/verify').expect(200);
      expect(tampered.body).toMatchObject({ ok: false, brokenAt: { eventId: rows[0].eventId, reason: 'hash_mismatch' } });
      const cli = spawnSync(process.execPath, ['-r', '@swc-node/register', 'server/src/platform/audit/verify.cli.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: process.env.RUTA_TEST_OWNER_URL,
          AUDIT_ANCHOR_FILE: process.env.RUTA_TEST_ANCHOR_FILE,
          RUTA_SECRET_KEY: TEST_SECRET_KEY,
          SWC_NODE_PROJECT: 'server/tsconfig.json',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(cli.status).toBe(1);
      expect(cli.stdout).toContain(`AUDIT TRAIL BROKEN at event ${rows[0].eventId} (hash_mismatch)`);
    } finally {
      await owner.end();
    }
  });
});
