import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity, makeAppendOnly } from './rls';

const OPEN = `('sent', 'received', 'accepted', 'in_progress')`;
const REFERRAL_TABLES = ['notifications', 'referral_events', 'referral_documents', 'referrals', 'referral_deadline_settings'];

/**
 * Inter-agency referrals (issue 9): a case shared by one institution with another, section by section, under a consent
 * (or a recorded legal ground), with its history, the receiving side's notifications and the response deadlines.
 *
 * What the receiving institution sees is decided here, not in the client:
 * - `ruta_case_in_scope()` gives the `referred` record scope (partner institutions) the cases with an open referral to
 *   the actor's institution: sent, received, accepted or in progress, and its access not ended (consent revoked).
 *   `caseScopeCondition()` (server/src/cases/core/case-scope.ts) says the same; the parity test compares both;
 * - `ruta_case_visible()` (the child tables' rule) no longer follows the case for the `referred` scope: a partner sees a
 *   referred case's row (its summary), never its notes, consents, screening, identity or documents by that path;
 * - each shared section opens its own table through an extra permissive policy (`<table>_select_referral`):
 *   identity → victims, situation → trafficking_events, chosen documents → case_documents, and only while the referral
 *   is open, for users of the receiving institution with `referrals:read`. Shelter location is never shared;
 * - the summary (and the situation columns of the case row, when shared) reach a receiving user whose own scope does
 *   not include the case through `ruta_referral_case(referral)`, which returns only those columns;
 * - revoking a consent ends, in the same statement (trigger), the access of every open referral that relied on it.
 */
export class Referrals1764404100000 implements MigrationInterface {
  name = 'Referrals1764404100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.createTables(queryRunner);
    await this.createFunctions(queryRunner);
    await this.extendCaseScope(queryRunner);
    await this.enableSecurity(queryRunner);
  }

  private async createTables(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "referral_deadline_settings" (
      "urgency" character varying(20) NOT NULL,
      "hours" integer NOT NULL,
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_referral_deadline_settings" PRIMARY KEY ("urgency"),
      CONSTRAINT "CHK_referral_deadline_hours" CHECK ("hours" BETWEEN 1 AND 2160)
    )`);
    await queryRunner.query(`INSERT INTO "referral_deadline_settings" ("urgency", "hours", "version") VALUES ('emergency', 24, 1), ('urgent', 72, 1), ('routine', 240, 1)`);

    await queryRunner.query(`CREATE TABLE "referrals" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "caseCode" character varying(20) NOT NULL,
      "fromInstitutionId" uuid NOT NULL,
      "toInstitutionId" uuid NOT NULL,
      "createdById" uuid NOT NULL,
      "purpose" character varying(30) NOT NULL,
      "urgency" character varying(20) NOT NULL,
      "message" text,
      "sections" text array NOT NULL,
      "consentId" uuid,
      "overrideGround" character varying(30),
      "overrideJustification" text,
      "status" character varying(20) NOT NULL DEFAULT 'draft',
      "deadlineAt" TIMESTAMP WITH TIME ZONE,
      "sentAt" TIMESTAMP WITH TIME ZONE,
      "receivedAt" TIMESTAMP WITH TIME ZONE,
      "acceptedAt" TIMESTAMP WITH TIME ZONE,
      "assigneeId" uuid,
      "startedAt" TIMESTAMP WITH TIME ZONE,
      "completedAt" TIMESTAMP WITH TIME ZONE,
      "outcome" text,
      "declinedAt" TIMESTAMP WITH TIME ZONE,
      "declineReason" text,
      "cancelledAt" TIMESTAMP WITH TIME ZONE,
      "cancelReason" text,
      "overdueAt" TIMESTAMP WITH TIME ZONE,
      "accessEndedAt" TIMESTAMP WITH TIME ZONE,
      "accessEndReason" character varying(30),
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_referrals" PRIMARY KEY ("id"),
      CONSTRAINT "FK_referrals_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_referrals_from_institution" FOREIGN KEY ("fromInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_referrals_to_institution" FOREIGN KEY ("toInstitutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_referrals_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id"),
      CONSTRAINT "FK_referrals_consent" FOREIGN KEY ("consentId") REFERENCES "consents"("id"),
      CONSTRAINT "FK_referrals_assignee" FOREIGN KEY ("assigneeId") REFERENCES "users"("id"),
      CONSTRAINT "CHK_referrals_other_institution" CHECK ("fromInstitutionId" <> "toInstitutionId"),
      CONSTRAINT "CHK_referrals_summary" CHECK ('summary' = ANY("sections")),
      CONSTRAINT "CHK_referrals_override" CHECK (("overrideGround" IS NULL) = ("overrideJustification" IS NULL))
    )`);
    const indexes: [string, string][] = [
      ['IDX_referrals_to_created', '"toInstitutionId", "createdAt", "id"'],
      ['IDX_referrals_from_created', '"fromInstitutionId", "createdAt", "id"'],
      ['IDX_referrals_created', '"createdAt", "id"'],
      ['IDX_referrals_case', '"caseId"'],
      ['IDX_referrals_consent', '"consentId"'],
    ];
    for (const [name, columns] of indexes) await queryRunner.query(`CREATE INDEX "${name}" ON "referrals" (${columns})`);
    // The deadline job's scan: only referrals still awaiting acceptance and not yet marked.
    await queryRunner.query(`CREATE INDEX "IDX_referrals_awaiting_deadline" ON "referrals" ("deadlineAt") WHERE "overdueAt" IS NULL AND "status" IN ('sent', 'received')`);

    await queryRunner.query(`CREATE TABLE "referral_documents" (
      "referralId" uuid NOT NULL,
      "documentId" uuid NOT NULL,
      CONSTRAINT "PK_referral_documents" PRIMARY KEY ("referralId", "documentId"),
      CONSTRAINT "FK_referral_documents_referral" FOREIGN KEY ("referralId") REFERENCES "referrals"("id"),
      CONSTRAINT "FK_referral_documents_document" FOREIGN KEY ("documentId") REFERENCES "case_documents"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_referral_documents_document" ON "referral_documents" ("documentId")`);

    await queryRunner.query(`CREATE TABLE "referral_events" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "referralId" uuid NOT NULL,
      "kind" character varying(20) NOT NULL,
      "fromStatus" character varying(20),
      "toStatus" character varying(20),
      "reason" text,
      "byUserId" uuid,
      "byInstitutionId" uuid,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_referral_events" PRIMARY KEY ("id"),
      CONSTRAINT "FK_referral_events_referral" FOREIGN KEY ("referralId") REFERENCES "referrals"("id"),
      CONSTRAINT "FK_referral_events_user" FOREIGN KEY ("byUserId") REFERENCES "users"("id"),
      CONSTRAINT "FK_referral_events_institution" FOREIGN KEY ("byInstitutionId") REFERENCES "institutions"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_referral_events_referral" ON "referral_events" ("referralId", "at")`);

    await queryRunner.query(`CREATE TABLE "notifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "userId" uuid NOT NULL,
      "kind" character varying(30) NOT NULL,
      "referralId" uuid NOT NULL,
      "caseCode" character varying(20) NOT NULL,
      "status" character varying(20),
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "readAt" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_notifications" PRIMARY KEY ("id"),
      CONSTRAINT "FK_notifications_user" FOREIGN KEY ("userId") REFERENCES "users"("id"),
      CONSTRAINT "FK_notifications_referral" FOREIGN KEY ("referralId") REFERENCES "referrals"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_user_created" ON "notifications" ("userId", "createdAt", "id")`);
  }

  private async createFunctions(queryRunner: QueryRunner): Promise<void> {
    // Past the referrals' own row-level security (a policy cycle otherwise): is this case referred, open, to me?
    await queryRunner.query(`CREATE FUNCTION ruta_case_referred_to_me(case_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM referrals r WHERE r."caseId" = case_id AND r."toInstitutionId" = ruta_ctx_institution()
                         AND r.status IN ${OPEN} AND r."accessEndedAt" IS NULL) $$`);
    // Does an open referral to my institution share this section of the case?
    await queryRunner.query(`CREATE FUNCTION ruta_referral_shares(case_id uuid, section text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT ruta_ctx_has_permission('referrals:read') AND EXISTS (
           SELECT 1 FROM referrals r WHERE r."caseId" = case_id AND r."toInstitutionId" = ruta_ctx_institution()
              AND r.status IN ${OPEN} AND r."accessEndedAt" IS NULL AND section = ANY(r.sections)) $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_referral_shares_document(document_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT ruta_ctx_has_permission('referrals:read') AND EXISTS (
           SELECT 1 FROM referral_documents d JOIN referrals r ON r.id = d."referralId"
            WHERE d."documentId" = document_id AND r."toInstitutionId" = ruta_ctx_institution()
              AND r.status IN ${OPEN} AND r."accessEndedAt" IS NULL AND 'documents' = ANY(r.sections)) $$`);
    // The case row as a receiving user may see it: the summary always, the situation columns only when shared.
    await queryRunner.query(`CREATE FUNCTION ruta_referral_case(referral_id uuid)
      RETURNS TABLE("code" character varying, "status" character varying, "ageBand" character varying, "minorAtIdentification" boolean,
        "purposes" text[], "departmentCode" character varying, "municipalityCode" character varying, "identifiedOn" date,
        "ownerInstitutionId" uuid, "labourSector" character varying, "sexualExploitationType" character varying, "meansOfControl" text[],
        "recruiterRelation" character varying, "recruitmentMethod" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT c.code, c.status, c."ageBand", c."minorAtIdentification", c.purposes, c."departmentCode", c."municipalityCode",
             c."identifiedOn", c."ownerInstitutionId",
             CASE WHEN s THEN c."labourSector" END, CASE WHEN s THEN c."sexualExploitationType" END,
             CASE WHEN s THEN c."meansOfControl" END, CASE WHEN s THEN c."recruiterRelation" END, CASE WHEN s THEN c."recruitmentMethod" END
      FROM referrals r JOIN cases c ON c.id = r."caseId" CROSS JOIN LATERAL (SELECT 'situation' = ANY(r.sections) AS s) shared
      WHERE r.id = referral_id AND r."toInstitutionId" = ruta_ctx_institution() AND ruta_ctx_has_permission('referrals:read')
        AND r.status IN ${OPEN} AND r."accessEndedAt" IS NULL
    $$`);
    // Who a referral notifies: the active users of an institution whose role reads referrals, to a caller who sees the
    // referral (users of another institution are not visible to it otherwise). Returns the addresses for e-mail.
    await queryRunner.query(`CREATE FUNCTION ruta_notify_referral(referral_id uuid, institution_id uuid, p_kind text, p_status text)
      RETURNS TABLE("userId" uuid, "email" character varying)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      WITH target AS (
        SELECT r.id, r."caseCode" FROM referrals r
        WHERE r.id = referral_id AND institution_id IN (r."fromInstitutionId", r."toInstitutionId")
          AND (ruta_ctx_system() OR (ruta_ctx_has_permission('referrals:read') AND ruta_ctx_institution() IN (r."fromInstitutionId", r."toInstitutionId")))
      ), inserted AS (
        INSERT INTO notifications ("userId", kind, "referralId", "caseCode", status)
        SELECT u.id, p_kind, t.id, t."caseCode", p_status
        FROM target t JOIN users u ON u."institutionId" = institution_id AND u.active JOIN roles ro ON ro.id = u."roleId"
        WHERE 'referrals:read' = ANY(ro.permissions) AND u.id IS DISTINCT FROM ruta_ctx_user()
        RETURNING "userId"
      )
      SELECT i."userId", u.email FROM inserted i JOIN users u ON u.id = i."userId"
    $$`);
    // Revoking a consent ends at once the access of the open referrals that relied on it (the history stays).
    await queryRunner.query(`CREATE FUNCTION ruta_referrals_consent_revoked() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NEW."revokedAt" IS NOT NULL AND OLD."revokedAt" IS NULL THEN
          WITH ended AS (
            UPDATE referrals SET "accessEndedAt" = NEW."revokedAt", "accessEndReason" = 'consent_revoked'
            WHERE "consentId" = NEW.id AND "accessEndedAt" IS NULL AND status IN ${OPEN}
            RETURNING id
          )
          INSERT INTO referral_events ("referralId", kind, reason, "byUserId", "byInstitutionId")
          SELECT id, 'access_ended', 'consent_revoked', ruta_ctx_user(), ruta_ctx_institution() FROM ended;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "consents_end_referral_access" AFTER UPDATE OF "revokedAt" ON "consents" FOR EACH ROW EXECUTE FUNCTION ruta_referrals_consent_revoked()`);

    for (const fn of ['ruta_case_referred_to_me(uuid)', 'ruta_referral_shares(uuid, text)', 'ruta_referral_shares_document(uuid)', 'ruta_referral_case(uuid)', 'ruta_notify_referral(uuid, uuid, text, text)']) {
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }
  }

  private async extendCaseScope(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_case_in_scope(case_id uuid, owner_institution uuid, created_by uuid) RETURNS boolean
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
      SELECT ruta_ctx_system() OR (ruta_ctx_has_permission('cases:read') AND CASE ruta_ctx_scope()
        WHEN 'all' THEN true
        WHEN 'all_pseudonymised' THEN true
        WHEN 'institution' THEN owner_institution = ruta_ctx_institution()
        WHEN 'assigned' THEN created_by = ruta_ctx_user() OR ruta_case_assigned_to_me(case_id)
        WHEN 'referred' THEN ruta_case_referred_to_me(case_id)
        ELSE false END)
    $$`);
    // A referred case opens only the sections its referral shares (policies below), not every child table.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_case_visible(case_id uuid) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT ruta_ctx_scope() <> 'referred' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id) $$`);
    // The referred scope reads the case row; it never writes it.
    await queryRunner.query(`CREATE POLICY "cases_update_not_referred" ON "cases" AS RESTRICTIVE FOR UPDATE TO ${APP_ROLE} USING (ruta_ctx_scope() <> 'referred')`);
    await queryRunner.query(`CREATE POLICY "victims_select_referral" ON "victims" FOR SELECT TO ${APP_ROLE} USING (ruta_referral_shares("caseId", 'identity'))`);
    await queryRunner.query(`CREATE POLICY "trafficking_events_select_referral" ON "trafficking_events" FOR SELECT TO ${APP_ROLE} USING (ruta_referral_shares("caseId", 'situation'))`);
    await queryRunner.query(`CREATE POLICY "case_documents_select_referral" ON "case_documents" FOR SELECT TO ${APP_ROLE} USING (ruta_referral_shares_document("id"))`);
  }

  private async enableSecurity(queryRunner: QueryRunner): Promise<void> {
    const can = (permission: string) => `ruta_ctx_has_permission('${permission}')`;
    const me = 'ruta_ctx_institution()';
    const side = `("fromInstitutionId" = ${me} OR ("toInstitutionId" = ${me} AND "status" <> 'draft'))`;
    await enableRowLevelSecurity(queryRunner, 'referrals', {
      using: `ruta_ctx_system() OR (${can('referrals:read')} AND (${side} OR ruta_ctx_scope() IN ('all', 'all_pseudonymised')))`,
      commands: ['SELECT'],
    });
    await enableRowLevelSecurity(queryRunner, 'referrals', {
      using: 'false',
      check: `${can('referrals:manage')} AND "createdById" = ruta_ctx_user() AND "fromInstitutionId" = ${me} AND "status" IN ('draft', 'sent') AND ruta_case_visible("caseId")`,
      commands: ['INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'referrals', { using: `ruta_ctx_system() OR (${can('referrals:manage')} AND ${side})`, commands: ['UPDATE'] });

    const referralVisible = `EXISTS (SELECT 1 FROM referrals r WHERE r.id = "referralId")`;
    await enableRowLevelSecurity(queryRunner, 'referral_documents', {
      using: referralVisible,
      check: `${referralVisible} AND ${can('referrals:manage')}`,
      commands: ['SELECT', 'INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'referral_events', {
      using: referralVisible,
      check: `${referralVisible} AND (ruta_ctx_system() OR "byUserId" = ruta_ctx_user())`,
      commands: ['SELECT', 'INSERT'],
    });
    await enableRowLevelSecurity(queryRunner, 'notifications', { using: `"userId" = ruta_ctx_user()`, commands: ['SELECT', 'UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'notifications', { using: 'false', check: `ruta_ctx_system()`, commands: ['INSERT'] });
    await enableRowLevelSecurity(queryRunner, 'referral_deadline_settings', { using: `ruta_ctx_system() OR ruta_ctx_user() IS NOT NULL`, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'referral_deadline_settings', { using: can('institutions:manage'), commands: ['UPDATE'] });

    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "referrals", "referral_documents", "notifications", "referral_deadline_settings" FROM ${APP_ROLE}`);
    await makeAppendOnly(queryRunner, 'referral_events');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "case_documents_select_referral" ON "case_documents"`);
    await queryRunner.query(`DROP POLICY "trafficking_events_select_referral" ON "trafficking_events"`);
    await queryRunner.query(`DROP POLICY "victims_select_referral" ON "victims"`);
    await queryRunner.query(`DROP POLICY "cases_update_not_referred" ON "cases"`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_case_visible(case_id uuid) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id) $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_case_in_scope(case_id uuid, owner_institution uuid, created_by uuid) RETURNS boolean
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
      SELECT ruta_ctx_system() OR (ruta_ctx_has_permission('cases:read') AND CASE ruta_ctx_scope()
        WHEN 'all' THEN true
        WHEN 'all_pseudonymised' THEN true
        WHEN 'institution' THEN owner_institution = ruta_ctx_institution()
        WHEN 'assigned' THEN created_by = ruta_ctx_user() OR ruta_case_assigned_to_me(case_id)
        ELSE false END)
    $$`);
    await queryRunner.query(`DROP TRIGGER "consents_end_referral_access" ON "consents"`);
    await queryRunner.query(`DROP FUNCTION ruta_referrals_consent_revoked()`);
    for (const table of REFERRAL_TABLES) await disableRowLevelSecurity(queryRunner, table);
    await queryRunner.query(`DROP FUNCTION ruta_notify_referral(uuid, uuid, text, text)`);
    await queryRunner.query(`DROP FUNCTION ruta_referral_case(uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_referral_shares_document(uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_referral_shares(uuid, text)`);
    await queryRunner.query(`DROP FUNCTION ruta_case_referred_to_me(uuid)`);
    for (const table of REFERRAL_TABLES) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
