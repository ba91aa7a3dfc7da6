import { existsSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { createApp } from '@ruta/server/app';
import { createTestDatabase, freePort, TestDatabase } from '../../support/test-database';
import { CHROMIUM_PATH } from './chromium';
import { testConfig } from '../../support/test-config';

declare global {
  var __RUTA_BROWSER_ENV__: { database: TestDatabase; app: INestApplication } | undefined;
}

/** Serves the whole app (API + built client) on a free port for the browser journeys, or skips them without Chromium. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    process.stdout.write(`\nBrowser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).\n`);
    process.env.RUTA_BROWSER_SKIP = '1';
    return;
  }
  // RUTA_E2E_CLIENT_DIR: a client built elsewhere (nx run client:build --outputPath=dist/other), e.g. beside another build.
  const clientDir = process.env.RUTA_E2E_CLIENT_DIR ?? 'dist/client/browser';
  if (!existsSync(`${clientDir}/index.html`)) throw new Error(`The client is not built (${clientDir}); run npm run test:browser`);
  const database = await createTestDatabase('browser');
  const port = await freePort();
  const config = testConfig({ CLIENT_DIR: clientDir });
  const app = await createApp(config, { app: database.appUrl, system: database.systemUrl }, { logs: false });
  await app.listen(port, '127.0.0.1');
  globalThis.__RUTA_BROWSER_ENV__ = { database, app };
  process.env.RUTA_E2E_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.RUTA_TEST_OWNER_URL = database.ownerUrl;
}
