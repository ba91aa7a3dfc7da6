import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, RutaConfig } from '@ruta/server/platform/config/config';

/** A fixed key for test databases: sealed TOTP secrets must open in every app a test run creates. */
export const TEST_SECRET_KEY = 'a1'.repeat(32);

/**
 * The configuration of the application under test: demo data, silent logs, no client unless given, audit anchors in
 * the run's folder (never in the developer's `.ruta-data`), indicators computed live.
 */
export function testConfig(overrides: Record<string, string> = {}): RutaConfig {
  const anchors = join(process.env.RUTA_TEST_ANCHOR_DIR ?? join(tmpdir(), 'ruta-test-anchors'), `audit-anchors-${process.pid}.jsonl`);
  return loadConfig({
    NODE_ENV: 'test',
    DEMO: 'true',
    LOG_LEVEL: process.env.RUTA_TEST_LOG_LEVEL ?? 'silent',
    CLIENT_DIR: 'dist/none',
    RUTA_SECRET_KEY: TEST_SECRET_KEY,
    AUDIT_ANCHOR_FILE: anchors,
    // Figures computed live unless a test runs the snapshot job itself.
    INDICATOR_SNAPSHOT_SECONDS: '0',
    ...overrides,
  });
}
