import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 3000 and demo mode on embedded PostgreSQL', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.demo).toBe(true);
  });

  it('keeps the audit anchors in the data folder unless AUDIT_ANCHOR_FILE says otherwise', () => {
    expect(loadConfig({ RUTA_DATA_DIR: '/var/lib/ruta' }).auditAnchorFile).toBe('/var/lib/ruta/audit-anchors.jsonl');
    expect(loadConfig({ AUDIT_ANCHOR_FILE: '/mnt/worm/ruta-anchors.jsonl' }).auditAnchorFile).toBe('/mnt/worm/ruta-anchors.jsonl');
  });

  it('rejects a port that is not a number with one clear line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(new ConfigError('Invalid configuration: PORT must be a whole number between 1 and 65535'));
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a whole number/);
  });

  it('rejects a DATABASE_URL that is not a postgres URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL must look like postgres:\/\//);
  });

  it('accepts an external database and leaves demo mode off', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://ruta:secret@db.internal:5432/ruta' });
    expect(config.demo).toBe(false);
  });

  it('never runs demo mode in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a:b@h/d', RUTA_SECRET_KEY: 'ab'.repeat(32) });
    expect(config.demo).toBe(false);
  });

  it('refuses DEMO=true in production: demo accounts have a published password and start-up would print it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO: 'true', DATABASE_URL: 'postgres://a:b@h/d', RUTA_SECRET_KEY: 'ab'.repeat(32) })).toThrow(
      new ConfigError('Invalid configuration: DEMO=true is refused with NODE_ENV=production (demo accounts have a published password)'),
    );
  });

  it('accepts DEMO=false in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', DEMO: 'false', DATABASE_URL: 'postgres://a:b@h/d', RUTA_SECRET_KEY: 'ab'.repeat(32) }).demo).toBe(false);
  });

  it('refuses production without an external database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', RUTA_SECRET_KEY: 'ab'.repeat(32) })).toThrow(/needs DATABASE_URL/);
  });
});

describe('loadConfig: the secret key', () => {
  it('refuses a key that is not 32 bytes of hex', () => {
    expect(() => loadConfig({ RUTA_SECRET_KEY: 'short' })).toThrow(/RUTA_SECRET_KEY must be 64 hexadecimal characters/);
  });

  it('requires a key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a:b@h/d' })).toThrow(/needs RUTA_SECRET_KEY/);
  });
});

describe('loadConfig: TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of proxy addresses and ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1,loopback' }).trustProxy).toEqual(['10.0.0.5', '192.168.0.0/16', '::1', 'loopback']);
  });

  it('refuses "true" (every peer), nonsense and out-of-range values with one clear line', () => {
    for (const value of ['true', 'proxy.internal', '10.0.0.0/33', '11', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be false, a hop count/);
    }
  });
});

describe('loadConfig: quotas', () => {
  it('defaults to 30 duplicate checks an hour, 20 uploads in ten minutes and 100 MiB of documents per case', () => {
    expect(loadConfig({})).toMatchObject({ DUPLICATE_CHECKS_PER_HOUR: 30, DOCUMENT_UPLOADS_PER_10_MIN: 20, CASE_DOCUMENTS_MAX_MB: 100 });
  });

  it('refuses a quota that is not a whole number in range', () => {
    expect(() => loadConfig({ DOCUMENT_UPLOADS_PER_10_MIN: '0' })).toThrow(/DOCUMENT_UPLOADS_PER_10_MIN must be a whole number/);
    expect(() => loadConfig({ CASE_DOCUMENTS_MAX_MB: 'lots' })).toThrow(/CASE_DOCUMENTS_MAX_MB must be a whole number/);
  });
});

describe('loadConfig: database timeouts', () => {
  it('defaults to 10 s per statement, 5 s to get a connection, 60 s idle in a transaction and 5 min for an unused pooled connection', () => {
    expect(loadConfig({}).databaseTimeouts).toEqual({ statementMs: 10_000, acquireMs: 5_000, idleInTransactionMs: 60_000, poolIdleMs: 300_000 });
  });

  it('takes each from the environment', () => {
    const config = loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '1000', DATABASE_ACQUIRE_TIMEOUT_MS: '500', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '3000', DATABASE_POOL_IDLE_TIMEOUT_MS: '60000' });
    expect(config.databaseTimeouts).toEqual({ statementMs: 1000, acquireMs: 500, idleInTransactionMs: 3000, poolIdleMs: 60_000 });
  });

  it.each([
    ['DATABASE_STATEMENT_TIMEOUT_MS', '0'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '10s'],
    ['DATABASE_ACQUIRE_TIMEOUT_MS', '-1'],
    ['DATABASE_ACQUIRE_TIMEOUT_MS', '600000'],
    ['DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', '1.5'],
    ['DATABASE_POOL_IDLE_TIMEOUT_MS', '500'],
  ])('refuses %s=%s with a line naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} must be a whole number of milliseconds`));
  });
});

describe('loadConfig: production refuses an application role that row-level security would not bind', () => {
  const production = { NODE_ENV: 'production', RUTA_SECRET_KEY: 'ab'.repeat(32), DATABASE_URL: 'postgres://ruta_owner:o@db/ruta' };

  it('refuses DATABASE_APP_URL connecting as the owner of DATABASE_URL', () => {
    expect(() => loadConfig({ ...production, DATABASE_APP_URL: 'postgres://ruta_owner:o@db/ruta', DATABASE_SYSTEM_URL: 'postgres://ruta_system:s@db/ruta' })).toThrow(
      new ConfigError(
        'Invalid configuration: with NODE_ENV=production DATABASE_APP_URL must not connect as the owner of DATABASE_URL (ruta_owner): row-level security would not bind it; use the role ruta_app',
      ),
    );
  });

  it('refuses DATABASE_APP_URL connecting as the superuser postgres', () => {
    expect(() => loadConfig({ ...production, DATABASE_APP_URL: 'postgres://postgres:p@db/ruta', DATABASE_SYSTEM_URL: 'postgres://ruta_system:s@db/ruta' })).toThrow(
      /must not connect as the superuser postgres/,
    );
  });

  it('accepts the application role', () => {
    expect(loadConfig({ ...production, DATABASE_APP_URL: 'postgres://ruta_app:a@db/ruta', DATABASE_SYSTEM_URL: 'postgres://ruta_system:s@db/ruta' }).DATABASE_APP_URL).toBe(
      'postgres://ruta_app:a@db/ruta',
    );
  });
});
