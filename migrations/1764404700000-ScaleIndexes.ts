import { MigrationInterface, QueryRunner } from 'typeorm';
import { BARE_CONTEXT_CALL, rewritePolicies } from './rls';

/** `ruta_case_visible(<column>)` in a policy as PostgreSQL prints it back in pg_policies. */
const VISIBLE_CALL = /\bruta_case_visible\(("?\w+"?(?:\."?\w+"?)?)\)/g;
/** The inlined form as PostgreSQL prints it back (for `down`). */
const INLINED_VISIBLE =
  /\(\( SELECT ruta_ctx_scope\(\) AS ruta_ctx_scope\) <> 'referred'::text\) AND \(EXISTS \( SELECT 1\s+FROM cases ruta_vc\s+WHERE \(ruta_vc\.id = \w+\.("?\w+"?)\)\s+OFFSET 0\)\)/g;

/**
 * The child tables' policies without a function call per row (issue 15). `ruta_case_visible(case_id)` (migration
 * 1764404100000-Referrals) is `ruta_ctx_scope() <> 'referred' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id)`:
 * a SQL function with a sub-query, which PostgreSQL cannot inline, so every row of victims, notes, consents, events,
 * assignments, documents, the assistance, prosecution and hotline tables ran it as a function call of its own. Each
 * policy now carries the same expression inline: the scope is read once per statement (an InitPlan) and the case's
 * visibility is an index probe of the case's id under the cases policies (fastCaseScope). Same rule, same rows.
 * The function stays (later migrations may still call it; the performance spec checks the policies of this schema).
 *
 * The assigned scope's live assignments and home counts get index-only paths (IDX_case_assignments_user_live,
 * IDX_cases_scope_counts; declared `synchronize: false` on their entities).
 *
 * The areas that came after 1764404200000 (assistance, prosecutions, hotline, indicators) get the same treatment of
 * their `ruta_ctx_*()` calls as FastScopes gave the earlier ones: scalar sub-selects, once per statement.
 */
export class ScaleIndexes1764404700000 implements MigrationInterface {
  name = 'ScaleIndexes1764404700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await rewritePolicies(queryRunner, (sql, table) =>
      sql.replace(BARE_CONTEXT_CALL, '(SELECT ruta_ctx_$1($2))').replace(VISIBLE_CALL, (_call, column: string) => {
        const qualified = column.includes('.') ? column : `"${table}".${column}`;
        // OFFSET 0 keeps it a probe per row, as the function was: without it the planner may turn the EXISTS into a
        // hashed sub-plan that reads every visible case first.
        return `((SELECT ruta_ctx_scope()) <> 'referred' AND EXISTS (SELECT 1 FROM cases ruta_vc WHERE ruta_vc.id = ${qualified} OFFSET 0))`;
      }),
    );
    // The assigned scope (caseworkers) without a heap visit: its live assignments index-only (also for the cases
    // policies' ruta_my_assigned_cases()), and its home counts' columns, with those the cases policies compare, on the
    // cases' ids (an index-only scan instead of one heap fetch per case).
    await queryRunner.query(
      `CREATE INDEX "IDX_case_assignments_user_live" ON "case_assignments" ("userId", "caseId") WHERE "unassignedAt" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cases_scope_counts" ON "cases" ("id") INCLUDE ("status", "minorAtIdentification", "identifiedOn", "ownerInstitutionId", "createdById")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_case_assignments_user_live"`);
    await queryRunner.query(`DROP INDEX "IDX_cases_scope_counts"`);
    // The context calls stay scalar sub-selects: the same meaning.
    await rewritePolicies(queryRunner, (sql) => sql.replace(INLINED_VISIBLE, 'ruta_case_visible($1)'));
  }
}
