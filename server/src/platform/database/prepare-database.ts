import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_ROLE } from '@ruta/migrations';
import { RutaConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { embeddedOwnerUrl, startEmbeddedPostgres } from './embedded-postgres';

export interface PreparedDatabase {
  /** Connects as the table owner: migrations and seeding only. */
  ownerUrl: string;
  /** Connects as the non-owner application role that row-level security binds. */
  appUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'ruta';

/** Applies every pending migration as the owner. Returns the names of those it applied. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 2, applicationName: 'ruta-migrate' }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Lets the application role log in with a fresh random password (one per start) and returns its URL.
 * With DATABASE_APP_URL set (several app instances, or a DBA-managed role) that URL is used as it is.
 */
export async function provisionAppRole(ownerUrl: string): Promise<string> {
  const password = randomBytes(24).toString('hex');
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 1, applicationName: 'ruta-provision' }));
  await dataSource.initialize();
  try {
    await dataSource.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${password}'`);
  } finally {
    await dataSource.destroy();
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/** Starts embedded PostgreSQL when there is no DATABASE_URL, applies migrations, and provisions the app role. */
export async function prepareDatabase(
  config: RutaConfig,
  log: (line: string) => void,
  options: { reuseRunningEmbedded?: boolean; provisionAppRole?: boolean } = {},
): Promise<PreparedDatabase> {
  let ownerUrl = config.DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!ownerUrl && options.reuseRunningEmbedded) ownerUrl = await runningEmbeddedUrl(config);
  if (!ownerUrl) {
    const cluster = await startEmbeddedPostgres({ dataDir: config.RUTA_DATA_DIR, port: config.EMBEDDED_PG_PORT });
    await cluster.createDatabaseIfMissing(EMBEDDED_DATABASE);
    ownerUrl = cluster.urlFor(EMBEDDED_DATABASE);
    stop = () => cluster.stop();
    log(`Embedded PostgreSQL running on 127.0.0.1:${config.EMBEDDED_PG_PORT}, data in ${config.RUTA_DATA_DIR}`);
  }
  try {
    const applied = await runMigrations(ownerUrl);
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    const appUrl = config.DATABASE_APP_URL ?? (options.provisionAppRole === false ? '' : await provisionAppRole(ownerUrl));
    return { ownerUrl, appUrl, embedded: !config.DATABASE_URL, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The owner URL of an embedded cluster that is already running (e.g. under `npm start`), if any. */
async function runningEmbeddedUrl(config: RutaConfig): Promise<string | undefined> {
  const url = embeddedOwnerUrl(config.RUTA_DATA_DIR, config.EMBEDDED_PG_PORT, EMBEDDED_DATABASE);
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
