import { EntityManager } from 'typeorm';
import { DEMO_ACCOUNTS, SEED_INSTITUTIONS, SEED_ROLES } from '@ruta/shared';
import { DemoSeed, RutaConfig, resolveSecretKey, SecretBox } from '@ruta/platform';
import { hashPassword } from './auth/credentials';

/** The demo TOTP secret of the demo accounts whose role requires two-factor (README lists it). */
export const DEMO_TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

/** Reference data every database needs (the 14 institutions, the seeded roles), and in demo mode the demo accounts. */
export const identitySeed: DemoSeed = {
  area: 'identity',
  async run(manager: EntityManager, config: RutaConfig): Promise<string[]> {
    const lines: string[] = [];
        const institutions = await manager.query(
          `INSERT INTO institutions (code, name, type, version)
           SELECT code, name, type, 1 FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS s(code, name, type)
           ON CONFLICT (code) DO NOTHING RETURNING code`,
          [SEED_INSTITUTIONS.map((i) => i.code), SEED_INSTITUTIONS.map((i) => i.name), SEED_INSTITUTIONS.map((i) => i.type)],
        );
        if (institutions.length) lines.push(`Seeded ${institutions.length} institutions`);
        const roles = await manager.query(
          `INSERT INTO roles (code, "nameEs", "nameEn", scope, "requiresMfa", permissions, version)
           SELECT r.code, r.name_es, r.name_en, r.scope, r.mfa, string_to_array(r.perms, ','), 1
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::boolean[], $6::text[])
             AS r(code, name_es, name_en, scope, mfa, perms)
           ON CONFLICT (code) DO NOTHING RETURNING code`,
          [
            SEED_ROLES.map((r) => r.code),
            SEED_ROLES.map((r) => r.nameEs),
            SEED_ROLES.map((r) => r.nameEn),
            SEED_ROLES.map((r) => r.scope),
            SEED_ROLES.map((r) => r.requiresMfa),
            SEED_ROLES.map((r) => r.permissions.join(',')),
          ],
        );
        if (roles.length) lines.push(`Seeded ${roles.length} roles`);
    if (config.demo) lines.push(...(await seedDemoAccounts(manager, config)));
    return lines;
  },
};

async function seedDemoAccounts(manager: EntityManager, config: RutaConfig): Promise<string[]> {
  const passwordHash = await hashPassword(config.DEMO_PASSWORD);
  const sealedTotpSecret = new SecretBox(resolveSecretKey(config)).seal(DEMO_TOTP_SECRET);
  const inserted: { email: string; mfa: boolean }[] = await manager.query(
    `INSERT INTO users (email, name, "institutionId", "roleId", "passwordHash", "mfaEnabled", "mfaSecret", version)
     SELECT a.email, a.name, i.id, r.id, $5, r."requiresMfa", CASE WHEN r."requiresMfa" THEN $6 END, 1
     FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) AS a(email, name, institution, role)
     JOIN institutions i ON i.code = a.institution JOIN roles r ON r.code = a.role
     ON CONFLICT (email) DO NOTHING RETURNING email, "mfaEnabled" AS mfa`,
    [
      DEMO_ACCOUNTS.map((a) => `${a.role}@${a.institution}.demo`),
      DEMO_ACCOUNTS.map((a) => a.name),
      DEMO_ACCOUNTS.map((a) => a.institution),
      DEMO_ACCOUNTS.map((a) => a.role),
      passwordHash,
      sealedTotpSecret,
    ],
  );
  return demoBanner(config, inserted);
}

/**
 * What start-up prints about the demo accounts, password and TOTP secret included: only in demo mode, and never with
 * NODE_ENV=production (which loadConfig refuses with DEMO=true anyway), whatever else the configuration says.
 */
export function demoBanner(config: RutaConfig, inserted: readonly { email: string; mfa: boolean }[]): string[] {
  if (!config.demo || config.NODE_ENV === 'production') return [];
  if (!inserted.length) return [`Demo accounts: <role>@<institution>.demo, password "${config.DEMO_PASSWORD}", TOTP secret ${DEMO_TOTP_SECRET} where two-factor is required`];
  return [
    `Demo mode: seeded ${inserted.length} accounts, password "${config.DEMO_PASSWORD}" (DEMO_PASSWORD):`,
    ...inserted.map((u) => `  ${u.email}${u.mfa ? `  (two-factor; TOTP secret ${DEMO_TOTP_SECRET})` : ''}`),
  ];
}
