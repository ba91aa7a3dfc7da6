import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@ruta/server/platform/database/embedded-postgres';
import { provisionAppRole, runMigrations } from '@ruta/server/platform/database/prepare-database';
import { seedDatabase } from '@ruta/server/seeds';
import { testConfig } from './test-config';

export interface TestDatabase {
  /** Owner URL of the run's migrated and seeded database. */
  ownerUrl: string;
  /** Application-role URL of the same database. */
  appUrl: string;
  systemUrl: string;
  /** Name of the template that `cloneTestDatabase` copies (the run's database, kept free of connections). */
  template: string;
  dispose(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh database for one test run, migrated and seeded with demo data, kept as a template: on the server of
 * DATABASE_URL when set (its user needs CREATEDB, CREATEROLE and BYPASSRLS), otherwise on an embedded PostgreSQL cluster
 * of its own. Test files then work on clones of it (`cloneTestDatabase`), so they never see each other's writes.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const prefix = `ruta_test_${label}_${Date.now().toString(36)}_${process.pid}`;
  const template = `${prefix}_template`;
  let serverUrl = process.env.DATABASE_URL;
  let stopCluster: () => Promise<void> = async () => undefined;
  if (!serverUrl) {
    // One throwaway cluster per run, so parallel runs (two developers, two suites) never share a data directory.
    const dataDir = `.ruta-test-data/${label}-${process.pid}`;
    const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = cluster.urlFor('postgres');
    // Also the folder the cluster moved to, when the checkout is out of the postgres user's reach.
    stopCluster = () => cluster.remove();
  }
  // Audit anchor files of the run's apps (one per cloned database), removed with the run.
  const anchorDir = resolvePath(`.ruta-test-data/anchors-${label}-${process.pid}`);
  process.env.RUTA_TEST_ANCHOR_DIR = anchorDir;
  await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
  const ownerUrl = withDatabase(serverUrl, template);
  await runMigrations(ownerUrl);
  await seedDatabase(ownerUrl, testConfig());
  const { appUrl, systemUrl } = await provisionAppRole(ownerUrl);
  process.env.RUTA_TEST_SERVER_URL = serverUrl;
  process.env.RUTA_TEST_TEMPLATE = template;

  return {
    ownerUrl,
    appUrl,
    systemUrl,
    template,
    async dispose() {
      const client = new Client({ connectionString: withDatabase(serverUrl!, 'postgres') });
      await client.connect();
      const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
      for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await client.end();
      await stopCluster();
      rmSync(anchorDir, { recursive: true, force: true });
    },
  };
}

/**
 * A private copy of the run's template database for one test file: owner and application-role URLs. The application
 * role's password is cluster-wide, so the run's application URL only changes its database name.
 */
export async function cloneTestDatabase(): Promise<{ ownerUrl: string; appUrl: string; systemUrl: string }> {
  const serverUrl = process.env.RUTA_TEST_SERVER_URL;
  const template = process.env.RUTA_TEST_TEMPLATE;
  const appUrl = process.env.RUTA_TEST_RUN_APP_URL;
  const systemUrl = process.env.RUTA_TEST_RUN_SYSTEM_URL;
  if (!serverUrl || !template || !appUrl || !systemUrl) throw new Error('No test database: run API tests through e2e/jest.api.config.js');
  const name = `${template.replace(/_template$/, '')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`);
      break;
    } catch (error) {
      // Two files cloning at the same moment: PostgreSQL lets one copy a template at a time.
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  return { ownerUrl: withDatabase(serverUrl, name), appUrl: withDatabase(appUrl, name), systemUrl: withDatabase(systemUrl, name) };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
