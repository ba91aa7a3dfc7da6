import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestApp } from '../../support/test-app';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { freePort } from '../../support/test-database';
import { loginAs } from '../../support/sessions';
import { HttpSession, runServerScript, ServerProcess } from '../../support/server-process';

// Every test here starts the server or a command in a child process (a few seconds each, more on a busy machine).
jest.setTimeout(120_000);

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rows of every table of the database (the unlogged request contexts aside), by table. */
function tableCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relpersistence = 'p' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) counts[name] = Number((await client.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n);
    return counts;
  });
}

describe('backup and restore: a round trip through a file', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-backup-'));
  const file = join(scratch, 'ruta.backup.gz');
  const anchors = join(scratch, 'audit-anchors.jsonl');
  const restored = `ruta_restored_${process.pid}_${Date.now().toString(36)}`;
  let app: INestApplication;
  let sourceUrl: string;
  let restoredUrl: string;
  let noteCase: string;
  // The CLIs as `npm run` runs them; never provisioning roles (their passwords are shared by the run's databases).
  const cli = (script: string, url: string, args: string[] = []) =>
    runServerScript(
      script,
      { DATABASE_URL: url, RUTA_SECRET_KEY: TEST_SECRET_KEY, RUTA_DATA_DIR: scratch, AUDIT_ANCHOR_FILE: anchors },
      args,
    );

  beforeAll(async () => {
    app = await createTestApp();
    sourceUrl = process.env.RUTA_TEST_OWNER_URL!;
    restoredUrl = withDatabase(sourceUrl, restored);
    // Activity that the audit trail records: logins, a search, a note.
    const supervisor = await loginAs(app, 'supervisor@oim.demo');
    const found = await supervisor.post('/api/cases/search', { limit: 1 }).expect(200);
    noteCase = found.body.items[0].code;
    await supervisor.post(`/api/cases/${noteCase}/notes`, { body: 'Nota antes de la copia de seguridad' }).expect(201);
    // Seal the events and anchor the head outside the database, as the running server does.
    const sealed = cli('server/src/platform/audit/verify.cli.ts', sourceUrl);
    expect(sealed.stdout).toContain('Audit trail intact');
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await withClient(withDatabase(sourceUrl, 'postgres'), (client) => client.query(`DROP DATABASE IF EXISTS "${restored}" WITH (FORCE)`));
    rmSync(scratch, { recursive: true, force: true });
  });

  it('writes a backup while the application runs, and says the secret key is not in it', () => {
    const result = cli('server/src/platform/backup/backup.cli.ts', sourceUrl, [file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Backup of .* written to .*ruta\.backup\.gz: \d+ tables, \d+ rows/);
    expect(result.stdout).toMatch(
      /The secret key is NOT in the backup \(RUTA_SECRET_KEY, fingerprint [0-9a-f]{16}\): keep a copy of it apart/,
    );
  });

  it('restores it into a fresh database with the same rows in every table', async () => {
    await withClient(withDatabase(sourceUrl, 'postgres'), (client) => client.query(`CREATE DATABASE "${restored}"`));
    const result = cli('server/src/platform/backup/restore.cli.ts', restoredUrl, [file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Restored .* into .*: \d+ tables, \d+ rows/);
    expect(result.stdout).toContain('The secret key in use (RUTA_SECRET_KEY) is the backup');
    const [before, after] = [await tableCounts(sourceUrl), await tableCounts(restoredUrl)];
    expect(after).toEqual(before);
    expect(after.audit_events).toBeGreaterThan(0);
    expect(after.audit_seals).toBe(after.audit_events);
  }, 60_000);

  it('keeps the audit chain: verification passes, also against the anchors written before the backup', () => {
    const result = cli('server/src/platform/audit/verify.cli.ts', restoredUrl);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Audit trail intact: [1-9]\d* events verified/);
    expect(result.stdout).toContain('Anchors agree');
  });

  it('lets the restored accounts log in and read what was written before the backup', async () => {
    const run = (variable: string) => (process.env[variable] ? withDatabase(process.env[variable]!, restored) : undefined);
    const roles = Object.fromEntries(
      Object.entries({ DATABASE_APP_URL: run('RUTA_TEST_RUN_APP_URL'), DATABASE_SYSTEM_URL: run('RUTA_TEST_RUN_SYSTEM_URL') }).filter(
        ([, url]) => url,
      ),
    ) as Record<string, string>;
    const server = await ServerProcess.start({
      DATABASE_URL: restoredUrl,
      ...roles,
      RUTA_SECRET_KEY: TEST_SECRET_KEY,
      RUTA_DATA_DIR: scratch,
      AUDIT_ANCHOR_FILE: anchors,
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      CLIENT_DIR: 'dist/none',
    });
    try {
      const supervisor = await HttpSession.login(server.url, 'supervisor@oim.demo');
      const notes = await supervisor.json<{ body: string }[]>('GET', `/api/cases/${noteCase}/notes`);
      expect(notes.map((note) => note.body)).toContain('Nota antes de la copia de seguridad');
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('refuses to restore into a database that is not empty', () => {
    const result = cli('server/src/platform/backup/restore.cli.ts', restoredUrl, [file]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^\[ruta\] Restore failed: the target database is not empty \(\d+ tables and sequences\): restore into a new database/,
    );
  });
});
