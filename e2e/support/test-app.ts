import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { createApp } from '@ruta/server/app';
import { cloneTestDatabase } from './test-database';
import { testConfig } from './test-config';

/**
 * The whole Nest application (pipes, guards, filters), without listening on a port, on a private clone of the run's
 * seeded database: RUTA_TEST_OWNER_URL and RUTA_TEST_APP_URL then point at that clone for the file's raw SQL, and
 * RUTA_TEST_ANCHOR_FILE at the clone's own audit anchor file. `overrides` sets environment variables of its
 * configuration (e.g. `{ TRUST_PROXY: 'loopback' }`). `database` rewrites the URLs the application connects to (e.g.
 * through a proxy that can stall the database).
 */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: { database?: (url: string) => string } = {},
): Promise<INestApplication> {
  const route = options.database ?? ((url: string) => url);
  const { ownerUrl, appUrl, systemUrl } = await cloneTestDatabase();
  process.env.RUTA_TEST_OWNER_URL = ownerUrl;
  process.env.RUTA_TEST_APP_URL = appUrl;
  process.env.RUTA_TEST_SYSTEM_URL = systemUrl;
  // The clone's chain is its own, so are its anchors.
  process.env.RUTA_TEST_ANCHOR_FILE = join(process.env.RUTA_TEST_ANCHOR_DIR ?? tmpdir(), `${new URL(ownerUrl).pathname.slice(1)}.jsonl`);
  const config = testConfig({ AUDIT_ANCHOR_FILE: process.env.RUTA_TEST_ANCHOR_FILE, ...overrides });
  const app = await createApp(config, { app: route(appUrl), system: route(systemUrl) }, { logs: false });
  await app.init();
  return app;
}

