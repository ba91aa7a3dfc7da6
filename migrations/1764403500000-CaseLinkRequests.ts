import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity, makeAppendOnly } from './rls';

const FUNCTIONS = ['ruta_case_possible_duplicates(uuid)', 'ruta_link_request_matches(uuid)'];

/**
 * Link requests between institutions for possible duplicates (issue 4, item 7), and the links they create.
 *
 * The requesting institution never learns the other case: a request names only the target institution and what
 * matched. The target institution sees the requester's pseudonymous code and, resolved by
 * `ruta_link_request_matches()`, its *own* matching cases. An accepted request records a `case_links` row that both
 * institutions see; each side reads the other case's code only if its own scope already reaches that case (the
 * `cases` policy decides, through an ordinary join). Both tables are visible to those two institutions only.
 */
export class CaseLinkRequests1764403500000 implements MigrationInterface {
  name = 'CaseLinkRequests1764403500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_link_requests" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "requestingCaseId" uuid NOT NULL,
      "requestingCaseCode" character varying(20) NOT NULL,
      "requestingInstitutionId" uuid NOT NULL,
      "requestedById" uuid NOT NULL,
      "targetInstitutionId" uuid NOT NULL,
      "matchedOn" character varying(20) NOT NULL,
      "status" character varying(20) NOT NULL DEFAULT 'pending',
      "declineReason" character varying(30),
      "decidedById" uuid,
      "decidedAt" TIMESTAMP WITH TIME ZONE,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_case_link_requests" PRIMARY KEY ("id"),
      CONSTRAINT "FK_case_link_requests_case" FOREIGN KEY ("requestingCaseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_case_link_requests_requesting_institution" FOREIGN KEY ("requestingInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_case_link_requests_requested_by" FOREIGN KEY ("requestedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_case_link_requests_target_institution" FOREIGN KEY ("targetInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_case_link_requests_decided_by" FOREIGN KEY ("decidedById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_case_link_requests_matched_on" CHECK ("matchedOn" IN ('document', 'name_birth_date')),
      CONSTRAINT "CHK_case_link_requests_status" CHECK ("status" IN ('pending', 'accepted', 'declined')),
      CONSTRAINT "CHK_case_link_requests_decision" CHECK (("status" = 'pending') = ("decidedAt" IS NULL) AND ("status" = 'declined') = ("declineReason" IS NOT NULL)),
      CONSTRAINT "CHK_case_link_requests_other_institution" CHECK ("requestingInstitutionId" <> "targetInstitutionId")
    )`);
    // The inbox of an institution (pending first, newest first) and the requests of one case.
    await queryRunner.query(`CREATE INDEX "IDX_case_link_requests_target" ON "case_link_requests" ("targetInstitutionId", "status", "createdAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_case_link_requests_case" ON "case_link_requests" ("requestingCaseId", "createdAt")`);
    // One open (or accepted) request per case and institution asked; a declined one may be asked again.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_case_link_requests_open" ON "case_link_requests" ("requestingCaseId", "targetInstitutionId") WHERE "status" <> 'declined'`,
    );

    await queryRunner.query(`CREATE TABLE "case_links" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "requestId" uuid NOT NULL,
      "requestingCaseId" uuid NOT NULL,
      "requestingInstitutionId" uuid NOT NULL,
      "targetCaseId" uuid NOT NULL,
      "targetInstitutionId" uuid NOT NULL,
      "linkedById" uuid NOT NULL,
      "linkedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_case_links" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_case_links_request" UNIQUE ("requestId"),
      CONSTRAINT "UQ_case_links_cases" UNIQUE ("requestingCaseId", "targetCaseId"),
      CONSTRAINT "FK_case_links_request" FOREIGN KEY ("requestId") REFERENCES "case_link_requests"("id"),
      CONSTRAINT "FK_case_links_requesting_case" FOREIGN KEY ("requestingCaseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_case_links_requesting_institution" FOREIGN KEY ("requestingInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_case_links_target_case" FOREIGN KEY ("targetCaseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_case_links_target_institution" FOREIGN KEY ("targetInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_case_links_linked_by" FOREIGN KEY ("linkedById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_case_links_target_case" ON "case_links" ("targetCaseId")`);

    await this.createFunctions(queryRunner);
    await this.enableSecurity(queryRunner);
  }

  private async createFunctions(queryRunner: QueryRunner): Promise<void> {
    // The possible duplicates of a stored case, from its own victim record, to whoever can see that case. Same answer
    // as ruta_find_possible_duplicates(): the holding institution, and a code only for cases already in scope.
    await queryRunner.query(`CREATE FUNCTION ruta_case_possible_duplicates(p_case uuid)
      RETURNS TABLE("institutionId" uuid, "matchedOn" text, "code" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT d."institutionId", d."matchedOn", d.code
      FROM cases c JOIN victims v ON v."caseId" = c.id
      CROSS JOIN LATERAL ruta_find_possible_duplicates(
        v."documentNumberNormalized", concat_ws(' ', v."givenNames", v."familyNames"), v."birthDate", NULLIF(v.sex, 'unknown'), c.id) d
      WHERE c.id = p_case AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")
    $$`);
    // For the institution a request was sent to: which of its own cases (that the caller can see) match the
    // requesting case's victim, by document number or by name + birth date. Never another institution's case.
    await queryRunner.query(`CREATE FUNCTION ruta_link_request_matches(p_request uuid)
      RETURNS TABLE("caseId" uuid, "code" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT DISTINCT c.id, c.code
      FROM case_link_requests r
      JOIN victims rv ON rv."caseId" = r."requestingCaseId"
      JOIN victims v ON v."caseId" <> rv."caseId" AND (
        (rv."documentNumberNormalized" IS NOT NULL AND v."documentNumberNormalized" = rv."documentNumberNormalized")
        OR (rv."birthDate" IS NOT NULL AND v."birthDate" = rv."birthDate"
            AND word_similarity(ruta_normalize_name(concat_ws(' ', rv."givenNames", rv."familyNames")), v."searchName") >= 0.6
            AND (rv.sex = 'unknown' OR v.sex = rv.sex)))
      JOIN cases c ON c.id = v."caseId"
      WHERE r.id = p_request
        AND r."targetInstitutionId" = ruta_ctx_institution()
        AND c."ownerInstitutionId" = r."targetInstitutionId"
        AND ruta_ctx_has_permission('cases:update')
        AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")
      ORDER BY c.code
      LIMIT 20
    $$`);
    for (const fn of FUNCTIONS) {
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }
  }

  private async enableSecurity(queryRunner: QueryRunner): Promise<void> {
    const can = (permission: string) => `ruta_ctx_has_permission('${permission}')`;
    const institution = 'ruta_ctx_institution()';
    // The requesting side sees the requests of the cases it can see; the target side its inbox (cases:update).
    const requester = `("requestingInstitutionId" = ${institution} AND ${can('cases:read')} AND ruta_case_visible("requestingCaseId"))`;
    const target = `("targetInstitutionId" = ${institution} AND ${can('cases:update')})`;
    await enableRowLevelSecurity(queryRunner, 'case_link_requests', { using: `${requester} OR ${target}`, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'case_link_requests', {
      using: 'false',
      check: `${requester} AND ${can('cases:update')} AND "requestedById" = ruta_ctx_user() AND "status" = 'pending'`,
      commands: ['INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'case_link_requests', {
      using: `${target} AND "status" = 'pending'`,
      check: `${target} AND "decidedById" = ruta_ctx_user()`,
      commands: ['UPDATE'],
    });
    await enableRowLevelSecurity(queryRunner, 'case_links', {
      using: `("requestingInstitutionId" = ${institution} OR "targetInstitutionId" = ${institution}) AND ${can('cases:read')}`,
      commands: ['SELECT'],
    });
    await enableRowLevelSecurity(queryRunner, 'case_links', {
      using: 'false',
      check: `"targetInstitutionId" = ${institution} AND "linkedById" = ruta_ctx_user() AND ${can('cases:update')} AND ruta_case_visible("targetCaseId")`,
      commands: ['INSERT'],
    });
    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "case_link_requests" FROM ${APP_ROLE}`);
    await makeAppendOnly(queryRunner, 'case_links');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['case_links', 'case_link_requests']) await disableRowLevelSecurity(queryRunner, table);
    for (const fn of FUNCTIONS) await queryRunner.query(`DROP FUNCTION ${fn}`);
    await queryRunner.query(`DROP TABLE "case_links"`);
    await queryRunner.query(`DROP TABLE "case_link_requests"`);
  }
}
