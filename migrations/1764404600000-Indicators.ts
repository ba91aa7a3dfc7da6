import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, enableRowLevelSecurity, SYSTEM_ROLE } from './rls';

/**
 * The indicators area:
 * - `indicator_victim_facts`: a view with the three non-identifying victim facts that indicators count by (sex,
 *   nationality) and whether an unrevoked consent allows anonymous statistics, plus the country of exploitation. It is
 *   owned by the migrations' owner (which reads past row-level security), so coordinators, whose pseudonymised scope
 *   cannot read `victims` or `consents`, can count by them; its rows appear only for `indicators:read`, and every query
 *   joins it to `cases` under the caller's row-level security, so the scope still comes from the case. The API only
 *   ever answers aggregates from it (and the k-anonymised statistics export).
 * - `export_jobs`: list exports (CSV, XLSX) with their progress and file, seen only by who asked for them; the case ids
 *   are fixed at request time under the requester's row-level security, the file is built by the export job (system).
 */
export class Indicators1764404600000 implements MigrationInterface {
  name = 'Indicators1764404600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW "indicator_victim_facts" WITH (security_barrier) AS
      SELECT v."caseId", v."sex", v."nationality",
        EXISTS (SELECT 1 FROM consents k WHERE k."caseId" = v."caseId" AND k."purpose" = 'anonymous_statistics' AND k."revokedAt" IS NULL) AS "statisticsConsent",
        (SELECT e."countryCode" FROM trafficking_events e WHERE e."caseId" = v."caseId" AND e."kind" = 'exploitation' ORDER BY e."startedOn" NULLS LAST, e."createdAt" LIMIT 1) AS "exploitationCountry"
      FROM victims v
      WHERE (SELECT ruta_ctx_has_permission('indicators:read'))`);
    await queryRunner.query(`REVOKE ALL ON "indicator_victim_facts" FROM PUBLIC`);
    await queryRunner.query(`REVOKE ALL ON "indicator_victim_facts" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON "indicator_victim_facts" TO ${APP_ROLE}`);

    await queryRunner.query(`CREATE TABLE "export_jobs" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "requestedById" uuid NOT NULL,
      "institutionId" uuid NOT NULL,
      "format" character varying(10) NOT NULL,
      "identified" boolean NOT NULL DEFAULT false,
      "reason" text,
      "language" character varying(2) NOT NULL DEFAULT 'es',
      "caseIds" uuid array NOT NULL,
      "status" character varying(20) NOT NULL DEFAULT 'queued',
      "total" integer NOT NULL,
      "processed" integer NOT NULL DEFAULT 0,
      "content" bytea,
      "fileName" character varying(100),
      "expiresAt" TIMESTAMP WITH TIME ZONE,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "completedAt" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_export_jobs" PRIMARY KEY ("id"),
      CONSTRAINT "FK_export_jobs_requested_by" FOREIGN KEY ("requestedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_export_jobs_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "CHK_export_jobs_reason" CHECK (NOT "identified" OR "reason" IS NOT NULL)
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_export_jobs_requester" ON "export_jobs" ("requestedById", "createdAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_export_jobs_queued" ON "export_jobs" ("createdAt") WHERE "status" = 'queued'`);
    const mine = `(SELECT ruta_ctx_system()) OR "requestedById" = (SELECT ruta_ctx_user())`;
    await enableRowLevelSecurity(queryRunner, 'export_jobs', {
      using: mine,
      check: `(SELECT ruta_ctx_system()) OR ("requestedById" = (SELECT ruta_ctx_user()) AND "institutionId" = (SELECT ruta_ctx_institution()) AND (SELECT ruta_ctx_has_permission('cases:read')))`,
      commands: ['SELECT', 'INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'export_jobs', { using: '(SELECT ruta_ctx_system())', commands: ['UPDATE'] });
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "export_jobs" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT UPDATE ON "export_jobs" TO ${SYSTEM_ROLE}`);

    // The export job (system) builds a large identified export: names only for the cases fixed in that job, which
    // the requester could see (and had identity access to) when asking.
    await queryRunner.query(`CREATE FUNCTION ruta_export_identities(p_job uuid, p_ids uuid[])
      RETURNS TABLE ("caseId" uuid, "givenNames" text, "familyNames" text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT v."caseId", v."givenNames"::text, v."familyNames"::text FROM victims v
         JOIN export_jobs j ON j.id = p_job AND j.identified AND v."caseId" = ANY (j."caseIds")
         WHERE (SELECT ruta_ctx_system()) AND v."caseId" = ANY (p_ids) $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ruta_export_identities(uuid, uuid[]) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ruta_export_identities(uuid, uuid[]) TO ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ruta_export_identities(uuid, uuid[])`);
    await queryRunner.query(`DROP TABLE "export_jobs"`);
    await queryRunner.query(`DROP VIEW "indicator_victim_facts"`);
  }
}
