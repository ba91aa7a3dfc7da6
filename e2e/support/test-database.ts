import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { loadConfig } from '@ruta/server/config/config';
import { startEmbeddedPostgres } from '@ruta/server/database/embedded-postgres';
import { provisionAppRole, runMigrations } from '@ruta/server/database/prepare-database';
import { seedDatabase } from '@ruta/server/database/seed/seed';

export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
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
 * A fresh database for one test run, migrated and seeded with demo data: on the server of DATABASE_URL when set
 * (its user needs CREATEDB and CREATEROLE), otherwise on an embedded PostgreSQL cluster kept in .ruta-test-data.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `ruta_test_${label}_${Date.now().toString(36)}_${process.pid}`;
  let serverUrl = process.env.DATABASE_URL;
  let stopCluster: () => Promise<void> = async () => undefined;
  if (!serverUrl) {
    // One throwaway cluster per run, so parallel runs (two developers, two suites) never share a data directory.
    const dataDir = `.ruta-test-data/${label}-${process.pid}`;
    const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = cluster.urlFor('postgres');
    stopCluster = async () => {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const ownerUrl = new URL(serverUrl);
  ownerUrl.pathname = `/${name}`;
  await runMigrations(ownerUrl.toString());
  await seedDatabase(ownerUrl.toString(), loadConfig({ DEMO: 'true', NODE_ENV: 'test' }));
  const appUrl = await provisionAppRole(ownerUrl.toString());

  return {
    ownerUrl: ownerUrl.toString(),
    appUrl,
    async dispose() {
      const client = new Client({ connectionString: adminUrl.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      await stopCluster();
    },
  };
}
