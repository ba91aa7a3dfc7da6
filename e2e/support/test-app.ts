import { INestApplication } from '@nestjs/common';
import { createApp } from '@ruta/server/app';
import { cloneTestDatabase } from './test-database';
import { testConfig } from './test-config';

/**
 * The whole Nest application (pipes, guards, filters), without listening on a port, on a private clone of the run's
 * seeded database: RUTA_TEST_OWNER_URL and RUTA_TEST_APP_URL then point at that clone for the file's raw SQL.
 */
export async function createTestApp(): Promise<INestApplication> {
  const { ownerUrl, appUrl } = await cloneTestDatabase();
  process.env.RUTA_TEST_OWNER_URL = ownerUrl;
  process.env.RUTA_TEST_APP_URL = appUrl;
  const config = testConfig();
  const app = await createApp(config, appUrl, { logs: false });
  await app.init();
  return app;
}

