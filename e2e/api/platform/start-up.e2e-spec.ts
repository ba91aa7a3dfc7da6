import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { cloneTestDatabase, freePort } from '../../support/test-database';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { embeddedPostgresPid, HttpSession, runServerScript, ServerProcess } from '../../support/server-process';

// Every test here starts the server or a command in a child process (a few seconds each, more on a busy machine).
jest.setTimeout(120_000);

function start(env: Record<string, string>) {
  return runServerScript('server/src/main.ts', env);
}

/** Exactly one line on stderr, no stack trace, no "undefined". */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/undefined|\n\s+at /);
  return lines[0];
}

function listenOn(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(process.env.RUTA_TEST_SERVER_URL!, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('start-up: configuration is validated before anything starts', () => {
  it('stops with one clear line when PORT is not a port', () => {
    const result = start({ PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('[ruta] Invalid configuration: PORT must be a whole number between 1 and 65535');
  });

  it('stops with one clear line when DATABASE_URL is not a PostgreSQL URL', () => {
    const result = start({ DATABASE_URL: 'mysql://root@localhost/ruta' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^\[ruta\] Invalid configuration: DATABASE_URL must look like postgres:\/\//),
    ]);
  });

  it('stops with one line when the database cannot be reached', () => {
    const result = start({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/ruta' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^\[ruta\] Start-up failed: .*ECONNREFUSED/);
    expect(result.stderr).not.toContain('secret');
  });
});

describe('start-up: one line that names the cause', () => {
  // Open to the postgres user, so that no cluster is moved out of it.
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-start-up-'));
  chmodSync(scratch, 0o755);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('names the embedded port in use and a free one to set', async () => {
    const port = await freePort();
    const blocker = await listenOn(port, '127.0.0.1');
    try {
      const result = start({ RUTA_DATA_DIR: join(scratch, 'port'), EMBEDDED_PG_PORT: String(port), PORT: String(await freePort()) });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toMatch(
        new RegExp(
          `^\\[ruta\\] Start-up failed: port ${port} of embedded PostgreSQL is already in use .*: set EMBEDDED_PG_PORT=\\d+, or stop what uses it$`,
        ),
      );
    } finally {
      blocker.close();
    }
  });

  it('names the HTTP port in use before it starts a database', async () => {
    const port = await freePort();
    const blocker = await listenOn(port, '0.0.0.0');
    try {
      const result = start({ RUTA_DATA_DIR: join(scratch, 'http'), PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()) });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toMatch(
        new RegExp(`^\\[ruta\\] Start-up failed: port ${port} for Ruta is already in use .*: set PORT=\\d+`),
      );
      expect(existsSync(join(scratch, 'http'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('names a DATABASE_URL database that does not exist', () => {
    const url = withDatabase(process.env.RUTA_TEST_SERVER_URL!, 'ruta_no_such_database');
    const result = start({ DATABASE_URL: url, RUTA_DATA_DIR: join(scratch, 'missing'), RUTA_SECRET_KEY: TEST_SECRET_KEY });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toMatch(
      /^\[ruta\] Start-up failed: the database .*\/ruta_no_such_database as \S+ does not exist: .*create it, or fix the database name in DATABASE_URL/,
    );
  });

  it('names the migration that failed and why', async () => {
    const database = `ruta_startup_migration_${process.pid}`;
    await adminQuery(`CREATE DATABASE "${database}"`);
    try {
      const url = withDatabase(process.env.RUTA_TEST_SERVER_URL!, database);
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query('CREATE TABLE institutions (id integer)');
      await client.end();
      const result = start({ DATABASE_URL: url, RUTA_DATA_DIR: join(scratch, 'migration'), RUTA_SECRET_KEY: TEST_SECRET_KEY });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toBe(
        '[ruta] Start-up failed: migration Foundation1764403200000 failed: relation "institutions" already exists',
      );
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  });
});

describe('start-up: NODE_ENV=production refuses weak settings', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-production-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses an application role that is a superuser, whatever its name', async () => {
    const { ownerUrl } = await cloneTestDatabase();
    const role = `ruta_test_super_${process.pid}`;
    await adminQuery(`CREATE ROLE ${role} SUPERUSER LOGIN PASSWORD 'super-secret-1'`);
    try {
      const database = new URL(ownerUrl).pathname.slice(1);
      const appUrl = new URL(ownerUrl);
      appUrl.username = role;
      appUrl.password = 'super-secret-1';
      const system: Record<string, string> = process.env.RUTA_TEST_RUN_SYSTEM_URL
        ? { DATABASE_SYSTEM_URL: withDatabase(process.env.RUTA_TEST_RUN_SYSTEM_URL, database) }
        : {};
      const result = start({
        NODE_ENV: 'production',
        DATABASE_URL: ownerUrl,
        DATABASE_APP_URL: appUrl.toString(),
        ...system,
        RUTA_SECRET_KEY: TEST_SECRET_KEY,
        RUTA_DATA_DIR: scratch,
        PORT: String(await freePort()),
      });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toBe(
        `[ruta] Start-up failed: NODE_ENV=production refuses DATABASE_APP_URL: its role ${role} is a superuser, so row-level security would not bind it; connect as ruta_app (NOSUPERUSER NOBYPASSRLS, owning nothing)`,
      );
      expect(result.stderr).not.toContain('super-secret-1');
    } finally {
      await adminQuery(`DROP ROLE IF EXISTS ${role}`);
    }
  });

  it('refuses to start without RUTA_SECRET_KEY, in one line', () => {
    const result = start({ NODE_ENV: 'production', DATABASE_URL: 'postgres://ruta:secret@127.0.0.1:1/ruta' });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe(
      '[ruta] Invalid configuration: NODE_ENV=production needs RUTA_SECRET_KEY (64 hexadecimal characters)',
    );
  });
});

describe('two instances on one database', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-two-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('start together on a new database (migrations and seeds take turns) and serve the same data', async () => {
    const database = `ruta_two_instances_${process.pid}`;
    await adminQuery(`CREATE DATABASE "${database}"`);
    const started: PromiseSettledResult<ServerProcess>[] = [];
    try {
      const run = (variable: string) => (process.env[variable] ? withDatabase(process.env[variable]!, database) : undefined);
      const roles = Object.fromEntries(
        Object.entries({ DATABASE_APP_URL: run('RUTA_TEST_RUN_APP_URL'), DATABASE_SYSTEM_URL: run('RUTA_TEST_RUN_SYSTEM_URL') }).filter(
          ([, url]) => url,
        ),
      ) as Record<string, string>;
      const common = {
        DATABASE_URL: withDatabase(process.env.RUTA_TEST_SERVER_URL!, database),
        ...roles,
        DEMO: 'true',
        RUTA_SECRET_KEY: TEST_SECRET_KEY,
        AUDIT_ANCHOR_FILE: join(scratch, 'audit-anchors.jsonl'),
        LOG_LEVEL: 'warn',
        CLIENT_DIR: 'dist/none',
      };
      const ports = [await freePort(), await freePort()];
      started.push(
        ...(await Promise.allSettled(
          ports.map((port, i) => ServerProcess.start({ ...common, RUTA_DATA_DIR: join(scratch, `instance-${i}`), PORT: String(port) })),
        )),
      );
      const [a, b] = started.map((result) => {
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      const writer = await HttpSession.login(a.url, 'supervisor@oim.demo');
      const { items } = await writer.json<{ items: { code: string }[] }>('POST', '/api/cases/search', { limit: 1 });
      await writer.json('POST', `/api/cases/${items[0].code}/notes`, { body: 'Nota escrita en la instancia A' });
      const reader = await HttpSession.login(b.url, 'supervisor@oim.demo');
      const notes = await reader.json<{ body: string }[]>('GET', `/api/cases/${items[0].code}/notes`);
      expect(notes.map((note) => note.body)).toContain('Nota escrita en la instancia A');
      for (const server of [a, b]) expect((await server.stop()).code).toBe(0);
    } finally {
      for (const result of started) if (result.status === 'fulfilled') result.value.kill();
      await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  });
});

/**
 * One embedded Ruta, as `npm start` runs it. As root its data folder sits in a folder only root may enter (like a
 * checkout under /root), so the cluster has to move where the `postgres` user can reach it.
 */
describe('start-up and shutdown of a running server', () => {
  const parent = mkdtempSync(join(tmpdir(), 'ruta-running-'));
  const dataDir = join(parent, 'data');
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    env = {
      RUTA_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      CLIENT_DIR: 'dist/none',
    };
    server = await ServerProcess.start(env);
  }, 120_000);

  afterAll(() => {
    server?.kill();
    const pid = embeddedPostgresPid(dataDir);
    if (pid) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // Already stopped.
      }
    }
    const pointer = join(dataDir, 'embedded-pg-dir');
    if (existsSync(pointer)) rmSync(readFileSync(pointer, 'utf8').trim(), { recursive: true, force: true });
    rmSync(parent, { recursive: true, force: true });
  });

  it('runs as root from a folder the postgres user cannot enter, and says where the cluster went', () => {
    if (process.getuid?.() !== 0) return;
    expect(server!.stdout).toMatch(
      /Embedded PostgreSQL running on 127\.0\.0\.1:\d+, data in \/var\/lib\/ruta\/\S+\/pg \(the postgres user cannot enter .*\/data\)/,
    );
  });

  it('refuses a second start on the same data folder, naming the running one by pid and URL', async () => {
    const result = start({ ...env, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe(
      `[ruta] Start-up failed: the data folder ${dataDir} is in use by a running Ruta (pid ${server!.pid}, ${server!.url}/): stop it first, or set RUTA_DATA_DIR to another folder`,
    );
  });

  it('finishes the writes in flight on SIGTERM, exits cleanly within 10 s, and keeps every acknowledged write', async () => {
    const session = await HttpSession.login(server!.url, 'supervisor@oim.demo');
    const { items } = await session.json<{ items: { code: string }[] }>('POST', '/api/cases/search', { limit: 1 });
    const code = items[0].code;
    const acknowledged: string[] = [];
    let sent = 0;
    let stopping = false;
    const writer = async () => {
      while (!stopping) {
        const body = `shutdown-load-${sent++}`;
        try {
          const response = await session.send('POST', `/api/cases/${code}/notes`, { body });
          if (response.status === 201) acknowledged.push(body);
          await response.arrayBuffer();
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 20));

    const stopped = await server!.stop('SIGTERM');
    stopping = true;
    await Promise.all(writers);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    expect(server!.errorLines).toEqual([]);
    expect(server!.stderr).toBe('');
    expect(server!.stdout).toContain('[ruta] SIGTERM received, shutting down\n');

    server = await ServerProcess.start(env);
    const again = await HttpSession.login(server.url, 'supervisor@oim.demo');
    const notes = await again.json<{ body: string }[]>('GET', `/api/cases/${code}/notes`);
    const present = new Set(notes.map((note) => note.body));
    expect(acknowledged.filter((body) => !present.has(body))).toEqual([]);
  }, 60_000);

  it('exits within 10 s of SIGTERM when its database has died underneath it', async () => {
    const pid = embeddedPostgresPid(dataDir);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopped = await server!.stop('SIGTERM');
    expect(stopped.ms).toBeLessThan(10_000);
    expect(server!.stderr).toBe('');
  }, 30_000);
});
