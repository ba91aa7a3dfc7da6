import { loadConfig, RutaConfig } from '@ruta/server/platform/config/config';

/** A fixed key for test databases: sealed TOTP secrets must open in every app a test run creates. */
export const TEST_SECRET_KEY = 'a1'.repeat(32);

/** The configuration of the application under test: demo data, silent logs, no client unless given. */
export function testConfig(overrides: Record<string, string> = {}): RutaConfig {
  return loadConfig({ NODE_ENV: 'test', DEMO: 'true', LOG_LEVEL: 'silent', CLIENT_DIR: 'dist/none', RUTA_SECRET_KEY: TEST_SECRET_KEY, ...overrides });
}
