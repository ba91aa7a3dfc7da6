import { createTestDatabase, TestDatabase } from '../../support/test-database';

declare global {
  var __RUTA_TEST_DB__: TestDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase('api');
  globalThis.__RUTA_TEST_DB__ = database;
  process.env.RUTA_TEST_OWNER_URL = database.ownerUrl;
  process.env.RUTA_TEST_APP_URL = database.appUrl;
}
