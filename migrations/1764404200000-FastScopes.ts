import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, BARE_CONTEXT_CALL, rewritePolicies } from './rls';

/** The wrapped form as PostgreSQL prints it back in pg_policies. */
const WRAPPED_CONTEXT_CALL = /\( SELECT ruta_ctx_(\w+)\(([^()]*)\) AS ruta_ctx_\w+\)/g;

/**
 * The case scope of migration 1764403400000-Cases (and 1764404100000-Referrals) as an expression the planner can use:
 * every `ruta_ctx_*()` value is a scalar sub-select, computed once per statement (an InitPlan), and the common scopes
 * compare indexed columns with it instead of calling `ruta_case_in_scope()` for every row. Scopes this expression does
 * not spell out (`referred`, and any later one) still go through `ruta_case_in_scope()`, so a change there keeps
 * applying. `caseScopeCondition()` (server/src/cases/core/case-scope.ts) is the same rule; the parity test compares both.
 */
export function fastCaseScope(alias?: string): string {
  const col = (name: string) => (alias ? `${alias}."${name}"` : `"${name}"`);
  return `((SELECT ruta_ctx_system()) OR ((SELECT ruta_ctx_has_permission('cases:read')) AND CASE (SELECT ruta_ctx_scope())
      WHEN 'all' THEN true
      WHEN 'all_pseudonymised' THEN true
      WHEN 'institution' THEN ${col('ownerInstitutionId')} = (SELECT ruta_ctx_institution())
      WHEN 'assigned' THEN ${col('createdById')} = (SELECT ruta_ctx_user()) OR ${col('id')} IN (SELECT ma.case_id FROM ruta_my_assigned_cases() ma(case_id))
      ELSE ruta_case_in_scope(${col('id')}, ${col('ownerInstitutionId')}, ${col('createdById')}) END))`;
}

const SLOW_CASE_SCOPE = `ruta_case_in_scope("id", "ownerInstitutionId", "createdById")`;

/**
 * Fast at 1,000,000 cases (issue 15), measured with `npm run bench`:
 * - row-level security without a function call per row: the cases policies use `fastCaseScope()`; every other
 *   policy's `ruta_ctx_*()` calls become scalar sub-selects (InitPlans, once per statement) — same meaning, since
 *   the context cannot change within a statement;
 * - the name search (`ruta_search_victim_names`) applies the same scope expression to its trigram candidates;
 * - home counts: `case_counts` keeps the number of cases (and of minors) per institution and status, exact, updated
 *   by a trigger in the writing transaction; eight slots per key (by backend) so concurrent intakes of one
 *   institution do not queue on one row. The "identified recently" figure reads the new (identifiedOn, status)
 *   indexes, index-only, for the last 30 days only.
 */
export class FastScopes1764404200000 implements MigrationInterface {
  name = 'FastScopes1764404200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Assignments read past their own row-level security (which depends on the case: a policy cycle otherwise).
    await queryRunner.query(`CREATE FUNCTION ruta_my_assigned_cases() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS
      $$ SELECT a."caseId" FROM case_assignments a WHERE a."userId" = ruta_ctx_user() AND a."unassignedAt" IS NULL $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ruta_my_assigned_cases() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ruta_my_assigned_cases() TO ${APP_ROLE}`);

    await queryRunner.query(`ALTER POLICY "cases_select" ON "cases" USING (${fastCaseScope()})`);
    await queryRunner.query(`ALTER POLICY "cases_update" ON "cases" USING (${fastCaseScope()}) WITH CHECK (${fastCaseScope()})`);
    await rewritePolicies(queryRunner, (sql) => sql.replace(BARE_CONTEXT_CALL, '(SELECT ruta_ctx_$1($2))'));

    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_search_victim_names(p_name text)
      RETURNS TABLE("caseId" uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS $$
      SELECT v."caseId" FROM victims v JOIN cases c ON c.id = v."caseId"
      WHERE (SELECT ruta_ctx_has_permission('victim_identity:read')) AND v."searchName" %> ruta_normalize_name(p_name)
        AND ${fastCaseScope('c')}
    $$`);

    await this.createCaseCounts(queryRunner);
    await queryRunner.query(`CREATE INDEX "IDX_cases_identified_status" ON "cases" ("identifiedOn", "status")`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_institution_identified_status" ON "cases" ("ownerInstitutionId", "identifiedOn", "status")`);
  }

  private async createCaseCounts(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_counts" (
      "ownerInstitutionId" uuid NOT NULL,
      "status" character varying(30) NOT NULL,
      "slot" smallint NOT NULL,
      "total" integer NOT NULL,
      "minors" integer NOT NULL,
      CONSTRAINT "PK_case_counts" PRIMARY KEY ("ownerInstitutionId", "status", "slot")
    )`);
    await queryRunner.query(`CREATE FUNCTION ruta_count_case() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE v_slot smallint := pg_backend_pid() % 8;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO case_counts AS k ("ownerInstitutionId", status, slot, total, minors)
          VALUES (OLD."ownerInstitutionId", OLD.status, v_slot, -1, CASE WHEN OLD."minorAtIdentification" THEN -1 ELSE 0 END)
          ON CONFLICT ("ownerInstitutionId", status, slot) DO UPDATE SET total = k.total + EXCLUDED.total, minors = k.minors + EXCLUDED.minors;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO case_counts AS k ("ownerInstitutionId", status, slot, total, minors)
          VALUES (NEW."ownerInstitutionId", NEW.status, v_slot, 1, CASE WHEN NEW."minorAtIdentification" THEN 1 ELSE 0 END)
          ON CONFLICT ("ownerInstitutionId", status, slot) DO UPDATE SET total = k.total + EXCLUDED.total, minors = k.minors + EXCLUDED.minors;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "cases_count" AFTER INSERT OR DELETE OR UPDATE OF "ownerInstitutionId", "status", "minorAtIdentification" ON "cases"
      FOR EACH ROW EXECUTE FUNCTION ruta_count_case()`);
    await queryRunner.query(`INSERT INTO case_counts ("ownerInstitutionId", status, slot, total, minors)
      SELECT "ownerInstitutionId", status, 0, count(*), count(*) FILTER (WHERE "minorAtIdentification") FROM cases GROUP BY 1, 2`);
    // Counts only, per institution: what the counting scopes may see of them.
    await queryRunner.query(`ALTER TABLE "case_counts" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "case_counts" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY "case_counts_select" ON "case_counts" FOR SELECT TO ${APP_ROLE} USING (
      (SELECT ruta_ctx_system()) OR ((SELECT ruta_ctx_has_permission('cases:read')) AND CASE (SELECT ruta_ctx_scope())
        WHEN 'all' THEN true WHEN 'all_pseudonymised' THEN true
        WHEN 'institution' THEN "ownerInstitutionId" = (SELECT ruta_ctx_institution()) ELSE false END))`);
    await queryRunner.query(`REVOKE ALL ON "case_counts" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON "case_counts" TO ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_cases_institution_identified_status"`);
    await queryRunner.query(`DROP INDEX "IDX_cases_identified_status"`);
    await queryRunner.query(`DROP TRIGGER "cases_count" ON "cases"`);
    await queryRunner.query(`DROP FUNCTION ruta_count_case()`);
    await queryRunner.query(`DROP TABLE "case_counts"`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_search_victim_names(p_name text)
      RETURNS TABLE("caseId" uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS $$
      SELECT v."caseId" FROM victims v JOIN cases c ON c.id = v."caseId"
      WHERE ruta_ctx_has_permission('victim_identity:read') AND v."searchName" %> ruta_normalize_name(p_name)
        AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")
    $$`);
    await queryRunner.query(`ALTER POLICY "cases_select" ON "cases" USING (${SLOW_CASE_SCOPE})`);
    await queryRunner.query(`ALTER POLICY "cases_update" ON "cases" USING (${SLOW_CASE_SCOPE}) WITH CHECK (${SLOW_CASE_SCOPE})`);
    await rewritePolicies(queryRunner, (sql) => sql.replace(WRAPPED_CONTEXT_CALL, 'ruta_ctx_$1($2)'));
    await queryRunner.query(`DROP FUNCTION ruta_my_assigned_cases()`);
  }
}
