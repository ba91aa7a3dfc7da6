import { QueryRunner } from 'typeorm';

/** The database role the application connects as: not the owner of any table, so row-level security binds it. */
export const APP_ROLE = 'ruta_app';

/**
 * The role of system work (login look-ups, the audit sealer): a member of APP_ROLE with its own login, for which
 * `ruta_ctx_system()` is true. No setting makes the application role the system (migration 1764404000000).
 */
export const SYSTEM_ROLE = 'ruta_system';

/**
 * Turns on row-level security for a table, forced even for the owner, with one policy per command.
 * `using` decides which rows are visible (SELECT, UPDATE, DELETE); `check` which rows may be written (INSERT, UPDATE).
 * The expressions read the acting user through the `ruta_ctx_*()` functions, which the database derives from the
 * request's verified session (`ruta_begin_request(token)`), never from a setting the application could choose.
 * Later features call this from their migrations for every table that holds victim data.
 */
export async function enableRowLevelSecurity(
  queryRunner: QueryRunner,
  table: string,
  policy: { using: string; check?: string; commands?: ('SELECT' | 'INSERT' | 'UPDATE' | 'DELETE')[] },
): Promise<void> {
  const check = policy.check ?? policy.using;
  const commands = policy.commands ?? ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
  await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  for (const command of commands) {
    const name = `${table}_${command.toLowerCase()}`;
    const clause =
      command === 'INSERT' ? `WITH CHECK (${check})` : command === 'UPDATE' ? `USING (${policy.using}) WITH CHECK (${check})` : `USING (${policy.using})`;
    await queryRunner.query(`CREATE POLICY "${name}" ON "${table}" FOR ${command} TO ${APP_ROLE} ${clause}`);
  }
}

export async function disableRowLevelSecurity(queryRunner: QueryRunner, table: string): Promise<void> {
  for (const command of ['select', 'insert', 'update', 'delete']) {
    await queryRunner.query(`DROP POLICY IF EXISTS "${table}_${command}" ON "${table}"`);
  }
  await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
}

/** Makes a table append-only: UPDATE, DELETE and TRUNCATE raise an error for every role, the owner included. */
export async function makeAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "${table}" FROM ${APP_ROLE}`);
  await queryRunner.query(
    `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ruta_reject_change()`,
  );
  await queryRunner.query(
    `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ruta_reject_change()`,
  );
}

/** `ruta_ctx_x(args)` not yet wrapped in a scalar sub-select (migration 1764404200000-FastScopes). */
export const BARE_CONTEXT_CALL = /(?<!SELECT )\bruta_ctx_(\w+)\(([^()]*)\)/g;

/** Every bare `ruta_ctx_x(args)` as `(SELECT ruta_ctx_x(args))`: an InitPlan, read once per statement instead of per row. */
export function wrapContextCalls(sql: string): string {
  return sql.replace(BARE_CONTEXT_CALL, '(SELECT ruta_ctx_$1($2))');
}

/** Rewrites the USING and WITH CHECK expressions of every policy of the public schema. */
export async function rewritePolicies(queryRunner: QueryRunner, rewrite: (sql: string, table: string) => string): Promise<void> {
  const policies: { tablename: string; policyname: string; qual: string | null; with_check: string | null }[] = await queryRunner.query(
    `SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`,
  );
  for (const policy of policies) {
    const using = policy.qual === null ? null : rewrite(policy.qual, policy.tablename);
    const check = policy.with_check === null ? null : rewrite(policy.with_check, policy.tablename);
    if (using === policy.qual && check === policy.with_check) continue;
    const clauses = [using === null ? '' : `USING (${using})`, check === null ? '' : `WITH CHECK (${check})`].join(' ');
    await queryRunner.query(`ALTER POLICY "${policy.policyname}" ON "${policy.tablename}" ${clauses}`);
  }
}
