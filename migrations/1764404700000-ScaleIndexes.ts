import { MigrationInterface, QueryRunner } from 'typeorm';

/** `ruta_case_visible(<column>)` in a policy as PostgreSQL prints it back in pg_policies. */
const VISIBLE_CALL = /\bruta_case_visible\(("?\w+"?(?:\."?\w+"?)?)\)/g;
/** The inlined form as PostgreSQL prints it back (for `down`). */
const INLINED_VISIBLE =
  /\(\( SELECT ruta_ctx_scope\(\) AS ruta_ctx_scope\) <> 'referred'::text\) AND \(EXISTS \( SELECT 1\s+FROM cases ruta_vc\s+WHERE \(ruta_vc\.id = \w+\.("?\w+"?)\)\)\)/g;
/** `ruta_ctx_x(args)` not yet wrapped in a scalar sub-select (as in migration 1764404200000-FastScopes). */
const BARE_CONTEXT_CALL = /(?<!SELECT )\bruta_ctx_(\w+)\(([^()]*)\)/g;

/**
 * The child tables' policies without a function call per row (issue 15). `ruta_case_visible(case_id)` (migration
 * 1764404100000-Referrals) is `ruta_ctx_scope() <> 'referred' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id)`:
 * a SQL function with a sub-query, which PostgreSQL cannot inline, so every row of victims, notes, consents, events,
 * assignments, documents, the assistance, prosecution and hotline tables ran it as a function call of its own. Each
 * policy now carries the same expression inline: the scope is read once per statement (an InitPlan) and the case's
 * visibility is an index probe of the cases primary key under the cases policies (fastCaseScope). Same rule, same rows.
 * The function stays (later migrations may still call it; the performance spec checks the policies of this schema).
 *
 * The areas that came after 1764404200000 (assistance, prosecutions, hotline, indicators) get the same treatment of
 * their `ruta_ctx_*()` calls as FastScopes gave the earlier ones: scalar sub-selects, once per statement.
 */
export class ScaleIndexes1764404700000 implements MigrationInterface {
  name = 'ScaleIndexes1764404700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.rewritePolicies(queryRunner, (sql, table) =>
      sql.replace(BARE_CONTEXT_CALL, '(SELECT ruta_ctx_$1($2))').replace(VISIBLE_CALL, (_call, column: string) => {
        const qualified = column.includes('.') ? column : `"${table}".${column}`;
        return `((SELECT ruta_ctx_scope()) <> 'referred' AND EXISTS (SELECT 1 FROM cases ruta_vc WHERE ruta_vc.id = ${qualified}))`;
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The context calls stay scalar sub-selects: the same meaning.
    await this.rewritePolicies(queryRunner, (sql) => sql.replace(INLINED_VISIBLE, 'ruta_case_visible($1)'));
  }

  /** Rewrites the USING and WITH CHECK expressions of every policy of the public schema. */
  private async rewritePolicies(queryRunner: QueryRunner, rewrite: (sql: string, table: string) => string): Promise<void> {
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
}
