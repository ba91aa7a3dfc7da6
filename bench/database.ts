import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@ruta/server/platform/database/embedded-postgres';

/** Every database the benchmark writes to has a name of this prefix, and says so in its comment. */
export const BENCH_PREFIX = 'ruta_bench';
const MARK = 'Ruta benchmark: throwaway data, safe to drop';

export interface BenchDatabase {
  /** Owner URL (migrations, loading, sessions). */
  ownerUrl: string;
  /** Where an embedded cluster keeps its data (kept only with --data-dir). */
  dataDir?: string;
  /**
   * The RUTA_SECRET_KEY of this database: the field keys the seed creates are wrapped under it, so every later run on
   * the same data (the seed again, the server) must use the same one. Kept in a file beside the cluster (never in the
   * database), or BENCH_SECRET_KEY with BENCH_DATABASE_URL.
   */
  secret: string;
  stop(): Promise<void>;
}

/** PostgreSQL settings of the run: the measurements used 1 GB of shared buffers. */
const SETTINGS: Record<string, string> = {
  shared_buffers: '1GB',
  effective_cache_size: '8GB',
  work_mem: '16MB',
  maintenance_work_mem: '1GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  random_page_cost: '1.1',
  max_connections: '200',
};

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Refuses any database that is not a throwaway one: the name must start with `ruta_bench`, and a database that already
 * exists must carry the benchmark's comment (so a production database renamed by mistake is still refused) or be empty.
 */
export async function assertThrowaway(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.startsWith(BENCH_PREFIX)) {
    throw new Error(`Refusing to load benchmark data into "${name}": the database name must start with "${BENCH_PREFIX}" (it is dropped and filled with synthetic cases)`);
  }
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [name]);
    if (rows.length === 0) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      await admin.query(`COMMENT ON DATABASE "${name.replace(/"/g, '')}" IS '${MARK}'`);
      return;
    }
    if (rows[0].comment === MARK) return;
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows: tables } = await db.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      if (tables[0].n > 0) throw new Error(`Refusing to load benchmark data into "${name}": it holds tables and was not created by the benchmark`);
      await db.query(`COMMENT ON DATABASE "${name.replace(/"/g, '')}" IS '${MARK}'`);
    } finally {
      await db.end();
    }
  } finally {
    await admin.end();
  }
}

/**
 * The run's database: BENCH_DATABASE_URL (checked by assertThrowaway), or an embedded PostgreSQL cluster of its own in
 * a temporary folder (removed at the end) or in `dataDir` (kept, so a loaded million can be benchmarked again).
 */
export async function openBenchDatabase(options: { dataDir?: string; log: (line: string) => void }): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    await assertThrowaway(given);
    const secret = process.env.BENCH_SECRET_KEY;
    if (!secret) throw new Error('BENCH_DATABASE_URL needs BENCH_SECRET_KEY (64 hex digits, the same on every run over that database: its field keys are wrapped under it)');
    return { ownerUrl: given, secret, stop: async () => undefined };
  }
  const keep = Boolean(options.dataDir);
  const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'ruta-bench-'));
  // As root the cluster runs as the postgres user, which must reach the folder.
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  let cluster = await startEmbeddedPostgres({ dataDir, port });
  const admin = new Client({ connectionString: cluster.urlFor('postgres') });
  await admin.connect();
  const { rows } = await admin.query(`SELECT setting FROM pg_settings WHERE name = 'shared_buffers'`);
  for (const [name, value] of Object.entries(SETTINGS)) await admin.query(`ALTER SYSTEM SET ${name} = '${value}'`);
  await admin.end();
  if (rows[0].setting !== String((1024 * 1024) / 8)) {
    // shared_buffers takes a restart.
    await cluster.stop();
    cluster = await startEmbeddedPostgres({ dataDir, port });
  }
  const ownerUrl = cluster.urlFor(`${BENCH_PREFIX}`);
  const secretFile = `${dataDir}.secret`;
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const secret = readFileSync(secretFile, 'utf8').trim();
  await assertThrowaway(ownerUrl);
  options.log(`Embedded PostgreSQL on 127.0.0.1:${port}, data in ${dataDir}${keep ? ' (kept)' : ' (removed at the end)'}`);
  return {
    ownerUrl,
    dataDir: keep ? dataDir : undefined,
    secret,
    async stop() {
      await cluster.stop();
      if (!keep) {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(secretFile, { force: true });
      }
    },
  };
}
