import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@ruta/server/config/config';
import { createApp } from '@ruta/server/app';
import { cloneTestDatabase } from './test-database';

/**
 * The whole Nest application (pipes, guards, filters), without listening on a port, on a private clone of the run's
 * seeded database: RUTA_TEST_OWNER_URL and RUTA_TEST_APP_URL then point at that clone for the file's raw SQL.
 */
export async function createTestApp(): Promise<INestApplication> {
  const { ownerUrl, appUrl } = await cloneTestDatabase();
  process.env.RUTA_TEST_OWNER_URL = ownerUrl;
  process.env.RUTA_TEST_APP_URL = appUrl;
  const config = loadConfig({ NODE_ENV: 'test', DEMO: 'true', LOG_LEVEL: 'silent', CLIENT_DIR: 'dist/none' });
  const app = await createApp(config, appUrl, { logs: false });
  await app.init();
  return app;
}

