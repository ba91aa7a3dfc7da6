import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_ROLE, SYSTEM_ROLE } from '@ruta/migrations';
import { RutaConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { embeddedOwnerUrl, startEmbeddedPostgres } from './embedded-postgres';
import { migrationFailure } from './start-up-errors';

export interface PreparedDatabase {
  /** Connects as the table owner: migrations and seeding only. */
  ownerUrl: string;
  /** Connects as the non-owner application role that row-level security binds. */
  appUrl: string;
  /** Connects as the system role (a member of the application role for which `ruta_ctx_system()` is true). */
  systemUrl: string;
  embedded: boolean;
  /** Stops embedded PostgreSQL if this process started it (bounded by `graceMs`); nothing for DATABASE_URL. */
  stop(graceMs?: number): Promise<void>;
}

export const EMBEDDED_DATABASE = 'ruta';

/** Key of the session-level advisory lock under which one process at a time applies migrations. */
export const MIGRATION_LOCK = 7_261_002;

/**
 * Applies every pending migration as the owner. Returns the names of those it applied. Instances that start together
 * on one database take turns (an advisory lock): the first applies, the others find nothing pending.
 */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 2, applicationName: 'ruta-migrate' }));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    // Polled, not waited for: a statement waiting for the lock holds a snapshot, and a migration that builds an index
    // CONCURRENTLY waits for every snapshot to go, so the two would wait for each other for ever.
    while (!(await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK]))[0].locked) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' }).catch(async (error: unknown) => {
      throw await migrationFailure(dataSource, error);
    });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/**
 * Lets the application role and the system role log in, each with a fresh random password (one per start), and
 * returns their URLs. With DATABASE_APP_URL and DATABASE_SYSTEM_URL set (several app instances, or DBA-managed roles)
 * those URLs are used as they are.
 */
export async function provisionAppRole(ownerUrl: string): Promise<{ appUrl: string; systemUrl: string }> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 1, applicationName: 'ruta-provision' }));
  await dataSource.initialize();
  const urls: string[] = [];
  try {
    for (const role of [APP_ROLE, SYSTEM_ROLE]) {
      const password = randomBytes(24).toString('hex');
      await dataSource.query(`ALTER ROLE ${role} LOGIN PASSWORD '${password}'`);
      const url = new URL(ownerUrl);
      url.username = role;
      url.password = password;
      urls.push(url.toString());
    }
  } finally {
    await dataSource.destroy();
  }
  return { appUrl: urls[0], systemUrl: urls[1] };
}

/** Starts embedded PostgreSQL when there is no DATABASE_URL, applies migrations, and provisions the app role. */
export async function prepareDatabase(
  config: RutaConfig,
  log: (line: string) => void,
  options: { reuseRunningEmbedded?: boolean; provisionAppRole?: boolean; migrate?: boolean; holder?: { what: string; url?: string } } = {},
): Promise<PreparedDatabase> {
  let ownerUrl = config.DATABASE_URL;
  let stop: (graceMs?: number) => Promise<void> = async () => undefined;
  if (!ownerUrl && options.reuseRunningEmbedded) ownerUrl = await runningEmbeddedUrl(config);
  if (!ownerUrl) {
    const cluster = await startEmbeddedPostgres({
      dataDir: config.RUTA_DATA_DIR,
      port: config.EMBEDDED_PG_PORT,
      clusterHome: config.EMBEDDED_PG_DIR,
      holder: options.holder ?? commandHolder(),
      onNotice: log,
    });
    stop = (graceMs) => cluster.stop(graceMs);
    await cluster.createDatabaseIfMissing(EMBEDDED_DATABASE).catch(async (error) => {
      await stop();
      throw error;
    });
    ownerUrl = cluster.urlFor(EMBEDDED_DATABASE);
    log(`Embedded PostgreSQL running on 127.0.0.1:${config.EMBEDDED_PG_PORT}, data in ${cluster.dataDir}${cluster.movedBecause ? ` (${cluster.movedBecause})` : ''}`);
  }
  try {
    if (options.migrate !== false) {
      const applied = await runMigrations(ownerUrl);
      log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    }
    const given = config.DATABASE_APP_URL && config.DATABASE_SYSTEM_URL ? { appUrl: config.DATABASE_APP_URL, systemUrl: config.DATABASE_SYSTEM_URL } : undefined;
    const { appUrl, systemUrl } = given ?? (options.provisionAppRole === false ? { appUrl: '', systemUrl: '' } : await provisionAppRole(ownerUrl));
    return { ownerUrl, appUrl, systemUrl, embedded: !config.DATABASE_URL, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The owner URL of an embedded cluster that is already running (e.g. under `npm start`), if any. */
async function runningEmbeddedUrl(config: RutaConfig): Promise<string | undefined> {
  const url = embeddedOwnerUrl(config.RUTA_DATA_DIR, config.EMBEDDED_PG_PORT, EMBEDDED_DATABASE, config.EMBEDDED_PG_DIR);
  if (!url) return undefined;
  const probe = new DataSource({ type: 'postgres', url, poolSize: 1, connectTimeoutMS: 1000 } as never);
  try {
    await probe.initialize();
    await probe.destroy();
    return url;
  } catch {
    return undefined;
  }
}

/** Who takes the data folder when a command (not the server) starts embedded PostgreSQL. */
function commandHolder(): { what: string } {
  const script = process.env.npm_lifecycle_event;
  return { what: script ? `npm run ${script}` : 'a Ruta command' };
}
