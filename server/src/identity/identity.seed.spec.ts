import { EntityManager } from 'typeorm';
import { RutaConfig } from '@ruta/platform';
import { DEMO_TOTP_SECRET, demoBanner, identitySeed } from './identity.seed';

const KEY = 'ab'.repeat(32);
const PASSWORD = 'demo password printed';

/** A configuration as loadConfig would build it, but also ones it refuses: the banner must hold on its own. */
function config(values: Partial<RutaConfig>): RutaConfig {
  return Object.assign(new RutaConfig(), { RUTA_SECRET_KEY: KEY, DEMO_PASSWORD: PASSWORD, ...values });
}

/** Answers every INSERT ... RETURNING as if it had inserted the demo accounts. */
function fakeManager(): EntityManager {
  return { query: async () => [{ email: 'admin@mininterior.demo', mfa: true }, { email: 'investigator@policia.demo', mfa: false }] } as unknown as EntityManager;
}

const secrets = (lines: string[]) => lines.filter((line) => line.includes(PASSWORD) || line.includes(DEMO_TOTP_SECRET));

describe('demo banner', () => {
  const accounts = [{ email: 'admin@mininterior.demo', mfa: true }];

  it('prints the demo password and TOTP secret in demo mode', () => {
    expect(secrets(demoBanner(config({ NODE_ENV: 'development', DEMO: 'true' }), accounts))).toHaveLength(2);
    expect(secrets(demoBanner(config({ NODE_ENV: 'development', DEMO: 'true' }), []))).toHaveLength(1);
  });

  it('prints nothing outside demo mode', () => {
    expect(demoBanner(config({ NODE_ENV: 'development', DEMO: 'false' }), accounts)).toEqual([]);
  });

  it('never prints them with NODE_ENV=production, even with DEMO=true', () => {
    expect(demoBanner(config({ NODE_ENV: 'production', DEMO: 'true' }), accounts)).toEqual([]);
    expect(demoBanner(config({ NODE_ENV: 'production', DEMO: 'true' }), [])).toEqual([]);
  });

  it('keeps the start-up lines of a production seed free of them', async () => {
    const lines = await identitySeed.run(fakeManager(), config({ NODE_ENV: 'production', DEMO: 'true', DATABASE_URL: 'postgres://a:b@h/d' }));
    expect(secrets(lines)).toEqual([]);
  });

  it('shows them in the start-up lines of a demo seed', async () => {
    const lines = await identitySeed.run(fakeManager(), config({ NODE_ENV: 'development', DEMO: 'true' }));
    expect(secrets(lines).length).toBeGreaterThan(0);
  });
});
