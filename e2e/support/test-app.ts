import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@ruta/server/config/config';
import { createApp } from '@ruta/server/app';

/** The whole Nest application (pipes, guards, filters) on the test run's database, without listening on a port. */
export async function createTestApp(): Promise<INestApplication> {
  const appUrl = process.env.RUTA_TEST_APP_URL;
  if (!appUrl) throw new Error('RUTA_TEST_APP_URL is not set: run API tests through e2e/jest.api.config.js');
  const config = loadConfig({ NODE_ENV: 'test', DEMO: 'true', LOG_LEVEL: 'silent', CLIENT_DIR: 'dist/none' });
  const app = await createApp(config, appUrl, { logs: false });
  await app.init();
  return app;
}
