import { Client } from 'pg';
import { StartupError } from './start-up-errors';

/**
 * With NODE_ENV=production, the roles that serve requests must be ones row-level security binds: not a superuser, not
 * BYPASSRLS, owning no table. Checked on the live database, since a role's name says nothing about its attributes.
 */
export async function assertRowLevelSecurityBinds(connections: { variable: string; url: string }[]): Promise<void> {
  for (const { variable, url } of connections) {
    if (!url) continue;
    const client = new Client({ connectionString: url, application_name: 'ruta-check' });
    await client.connect();
    try {
      const { rows } = await client.query<{ role: string; superuser: boolean; bypass: boolean; owns: number }>(
        `SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
                (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relowner = r.oid) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
      );
      const [role] = rows;
      const weakness = role.superuser
        ? 'is a superuser'
        : role.bypass
          ? 'has BYPASSRLS'
          : role.owns > 0
            ? `owns ${role.owns} tables`
            : undefined;
      if (weakness) {
        throw new StartupError(
          `NODE_ENV=production refuses ${variable}: its role ${role.role} ${weakness}, so row-level security would not bind it; connect as ruta_app (NOSUPERUSER NOBYPASSRLS, owning nothing)`,
        );
      }
    } finally {
      await client.end();
    }
  }
}
