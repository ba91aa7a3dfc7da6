import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 3000 and demo mode on embedded PostgreSQL', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.demo).toBe(true);
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
    const config = loadConfig({ NODE_ENV: 'production', DEMO: 'true', DATABASE_URL: 'postgres://a:b@h/d', RUTA_SECRET_KEY: 'ab'.repeat(32) });
    expect(config.demo).toBe(false);
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
