import { INestApplication } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { AuditAnchorView } from '@ruta/shared';
import { sealHash } from '@ruta/server/platform/audit/audit-chain';
import { createTestApp } from '../../support/test-app';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { ApiSession, loginAs } from '../../support/sessions';

/** The sealer's advisory lock (audit-chain.ts): an attacker who holds it rewrites the chain while no seal is appended. */
const SEALER_LOCK = 7_261_001;

interface Clone {
  app: INestApplication;
  auditor: ApiSession;
  ownerUrl: string;
  anchorFile: string;
}

async function startClone(): Promise<Clone> {
  const app = await createTestApp();
  return { app, auditor: await loginAs(app, 'auditor@procuraduria.demo'), ownerUrl: process.env.RUTA_TEST_OWNER_URL!, anchorFile: process.env.RUTA_TEST_ANCHOR_FILE! };
}

/** Audit events to chain: each refused request records an access denial. */
async function denials(app: INestApplication, count: number): Promise<void> {
  const caseworker = await loginAs(app, 'caseworker@oim.demo');
  for (let i = 0; i < count; i++) await caseworker.get('/api/audit/events').expect(403);
}

/** Verifies (which seals and anchors the head) and checks that the newest seal is anchored. */
async function anchoredHead(clone: Clone): Promise<{ seq: number; eventId: string }> {
  const verified = await clone.auditor.post('/api/audit/verify').expect(200);
  expect(verified.body).toMatchObject({ ok: true, anchors: { checked: expect.any(Number) } });
  const { body } = await clone.auditor.get('/api/audit/head').expect(200);
  expect(body.lastAnchor).toMatchObject({ seq: body.head.seq, hash: body.head.hash });
  return { seq: Number(body.head.seq), eventId: body.head.eventId };
}

function anchorsIn(file: string): AuditAnchorView[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/**
 * As the database owner with triggers off for this session only (`session_replication_role = replica`, a superuser's
 * way around the append-only guard), holding the sealer's lock: what an attacker with the database's keys can do.
 */
async function asAttacker(ownerUrl: string, work: (owner: Client) => Promise<void>): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(`SET session_replication_role = replica`);
    await owner.query('BEGIN');
    await owner.query(`SELECT pg_advisory_xact_lock($1)`, [SEALER_LOCK]);
    await work(owner);
    await owner.query('COMMIT');
  } finally {
    await owner.end();
  }
}

function verifyCli(clone: Clone) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'server/src/platform/audit/verify.cli.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: clone.ownerUrl,
      AUDIT_ANCHOR_FILE: clone.anchorFile,
      RUTA_SECRET_KEY: TEST_SECRET_KEY,
      SWC_NODE_PROJECT: 'server/tsconfig.json',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('audit anchors: the chain head kept outside the database', () => {
  let clone: Clone;
  beforeAll(async () => {
    clone = await startClone();
  });
  afterAll(async () => {
    await clone.app.close();
  });

  it('exports the head to the anchor file as MAC-ed lines and shows it to the auditor', async () => {
    await denials(clone.app, 2);
    const head = await anchoredHead(clone);
    const anchors = anchorsIn(clone.anchorFile);
    expect(anchors.at(-1)).toEqual({ seq: String(head.seq), eventId: head.eventId, hash: expect.stringMatching(/^[0-9a-f]{64}$/), events: head.seq, at: expect.any(String), mac: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const { body } = await clone.auditor.get('/api/audit/head').expect(200);
    expect(body).toEqual({
      head: { seq: String(head.seq), eventId: head.eventId, hash: anchors.at(-1)!.hash, sealedAt: expect.any(String) },
      sealed: head.seq,
      lastAnchor: { seq: String(head.seq), eventId: head.eventId, hash: anchors.at(-1)!.hash, events: head.seq, at: anchors.at(-1)!.at },
    });
  });

  it('passes the command-line verification against the same anchors', () => {
    const cli = verifyCli(clone);
    expect(cli.stdout).toContain('Audit trail intact');
    expect(cli.stdout).toMatch(/Anchors agree: \d+ anchors in .+, the newest for seal \d+/);
    expect(cli.status).toBe(0);
  });
});

describe('audit anchors: an event rewritten and the 27 later seals re-sealed', () => {
  let clone: Clone;
  beforeAll(async () => {
    clone = await startClone();
  });
  afterAll(async () => {
    await clone.app.close();
  });

  it('is reported by POST /api/audit/verify and npm run audit:verify, naming the first anchored seal after it', async () => {
    await denials(clone.app, 30);
    const head = await anchoredHead(clone);
    const rewritten = head.seq - 27;
    expect(rewritten).toBeGreaterThan(0);

    await asAttacker(clone.ownerUrl, async (owner) => {
      const [{ eventId }] = (await owner.query(`SELECT "eventId" FROM audit_seals WHERE seq = $1`, [rewritten])).rows;
      await owner.query(`UPDATE audit_events SET action = 'read', outcome = 'success' WHERE id = $1`, [eventId]);
      const { rows } = await owner.query(
        `SELECT s.seq, s."prevHash", ruta_audit_canonical(e) AS canonical FROM audit_seals s JOIN audit_events e ON e.id = s."eventId"
         WHERE s.seq >= $1 ORDER BY s.seq`,
        [rewritten],
      );
      expect(rows).toHaveLength(28);
      let prevHash: string = rows[0].prevHash;
      for (const row of rows) {
        const hash = sealHash(prevHash, row.canonical);
        await owner.query(`UPDATE audit_seals SET "prevHash" = $2, hash = $3 WHERE seq = $1`, [row.seq, prevHash, hash]);
        prevHash = hash;
      }
    });

    // The chain inside the database recomputes; only the anchors give the rewrite away.
    const firstAnchorAfter = anchorsIn(clone.anchorFile)
      .map((a) => Number(a.seq))
      .filter((seq) => seq >= rewritten)
      .sort((a, b) => a - b)[0];
    const verified = await clone.auditor.post('/api/audit/verify').expect(200);
    expect(verified.body.brokenAt).toBeUndefined();
    expect(verified.body).toMatchObject({ ok: false, anchors: { brokenAt: { seq: String(firstAnchorAfter), reason: 'anchor_mismatch' } } });

    const cli = verifyCli(clone);
    expect(cli.stdout).toContain(`AUDIT TRAIL BROKEN against its anchors (anchor_mismatch): seal ${firstAnchorAfter} (event `);
    expect(cli.stdout).toContain('no longer has the hash it was anchored with');
    expect(cli.status).toBe(1);
  });
});

describe('audit anchors: the newest 3 events deleted with their seals', () => {
  let clone: Clone;
  beforeAll(async () => {
    clone = await startClone();
  });
  afterAll(async () => {
    await clone.app.close();
  });

  it('is reported by POST /api/audit/verify and npm run audit:verify, naming the newest anchored seal', async () => {
    await denials(clone.app, 5);
    const head = await anchoredHead(clone);

    await asAttacker(clone.ownerUrl, async (owner) => {
      const { rows } = await owner.query(`DELETE FROM audit_seals WHERE seq > $1 RETURNING "eventId"`, [head.seq - 3]);
      expect(rows).toHaveLength(3);
      await owner.query(`DELETE FROM audit_events WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.eventId)]);
    });

    const verified = await clone.auditor.post('/api/audit/verify').expect(200);
    expect(verified.body.brokenAt).toBeUndefined();
    expect(verified.body).toMatchObject({
      ok: false,
      checked: head.seq - 3,
      anchors: { brokenAt: { seq: String(head.seq), eventId: head.eventId, reason: 'anchor_missing' } },
    });

    const cli = verifyCli(clone);
    expect(cli.stdout).toContain(`AUDIT TRAIL BROKEN against its anchors (anchor_missing): anchored seal ${head.seq} (event ${head.eventId}, anchor line `);
    expect(cli.stdout).toContain(`no longer exists; the chain now ends at seal ${head.seq - 3}`);
    expect(cli.status).toBe(1);
  });
});
