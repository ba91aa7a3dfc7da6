import { cloneTestDatabase, createTestDatabase, TestDatabase } from '../../support/test-database';

declare global {
  var __RUTA_TEST_DB__: TestDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase('api');
  globalThis.__RUTA_TEST_DB__ = database;
  process.env.RUTA_TEST_RUN_APP_URL = database.appUrl;
  process.env.RUTA_TEST_RUN_SYSTEM_URL = database.systemUrl;
  // Files that read the database without an app (schema checks) get a clone of their own too.
  const shared = await cloneTestDatabase();
  process.env.RUTA_TEST_OWNER_URL = shared.ownerUrl;
  process.env.RUTA_TEST_APP_URL = shared.appUrl;
  process.env.RUTA_TEST_SYSTEM_URL = shared.systemUrl;
}
