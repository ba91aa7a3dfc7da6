import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity } from './rls';

/**
 * Quotas against probing and flooding (issue 8, items 2 and 9).
 *
 * - `user_quotas`: each user's recent uses of a limited action (`duplicate_check`, `document_upload`) as the times of
 *   those uses, pruned to the action's window: a sliding-window count that holds across instances and restarts. A user
 *   reads and writes only their own rows; nobody deletes them.
 * - `ruta_check_possible_duplicates()`: the on-demand duplicate check. Intake's look-up (`ruta_find_possible_duplicates`)
 *   compares a document number alone and birth dates exactly, which made the check an oracle (a bare document number,
 *   or a birth date found by trying dates). This one needs a similar name in every match and compares birth dates by
 *   year ± 1 only, so the answer is the same for every day of the year given and never reveals a date.
 * - `ruta_case_documents_bytes()`: the stored size of one case's documents, for the per-case limit on uploads; it
 *   counts every document of a case the caller may upload to, whatever the caller may read.
 */
export class DuplicateCheckQuota1764403800000 implements MigrationInterface {
  name = 'DuplicateCheckQuota1764403800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_quotas" (
      "userId" uuid NOT NULL,
      "action" character varying(40) NOT NULL,
      "usedAt" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}',
      CONSTRAINT "PK_user_quotas" PRIMARY KEY ("userId", "action"),
      CONSTRAINT "FK_user_quotas_user" FOREIGN KEY ("userId") REFERENCES "users"("id")
    )`);
    await enableRowLevelSecurity(queryRunner, 'user_quotas', { using: `"userId" = ruta_ctx_user()`, commands: ['SELECT', 'INSERT', 'UPDATE'] });
    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "user_quotas" FROM ${APP_ROLE}`);

    await queryRunner.query(`CREATE FUNCTION ruta_check_possible_duplicates(p_document text, p_name text, p_birth_year integer, p_sex text)
      RETURNS TABLE("institutionId" uuid, "matchedOn" text, "code" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT c."ownerInstitutionId", m.matched_on,
             CASE WHEN ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById") THEN c.code END
      FROM (
        SELECT v."caseId", 'document'::text AS matched_on FROM victims v
         WHERE p_document IS NOT NULL AND v."documentNumberNormalized" = p_document
           AND word_similarity(ruta_normalize_name(p_name), v."searchName") >= 0.6
        UNION
        SELECT v."caseId", 'name_birth_date'::text FROM victims v
         WHERE p_birth_year IS NOT NULL
           AND v."birthDate" >= make_date(greatest(p_birth_year - 1, 1), 1, 1) AND v."birthDate" < make_date(p_birth_year + 2, 1, 1)
           AND word_similarity(ruta_normalize_name(p_name), v."searchName") >= 0.6
           AND (p_sex IS NULL OR v."sex" = p_sex)
      ) m JOIN cases c ON c.id = m."caseId"
      WHERE p_name IS NOT NULL AND ruta_ctx_has_permission('cases:create')
      LIMIT 50
    $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_case_documents_bytes(p_case uuid) RETURNS bigint
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT COALESCE(sum(d."sizeBytes"), 0)::bigint
      FROM case_documents d JOIN cases c ON c.id = d."caseId"
      WHERE d."caseId" = p_case AND ruta_ctx_has_permission('documents:upload')
        AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")
    $$`);
    for (const fn of ['ruta_check_possible_duplicates(text, text, integer, text)', 'ruta_case_documents_bytes(uuid)']) {
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ruta_case_documents_bytes(uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_check_possible_duplicates(text, text, integer, text)`);
    await disableRowLevelSecurity(queryRunner, 'user_quotas');
    await queryRunner.query(`DROP TABLE "user_quotas"`);
  }
}
