import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity, SYSTEM_ROLE } from './rls';

/** Tables whose rows the erasure rewrites (as the system role) that had no policy letting the system update them. */
const ERASURE_UPDATES = ['victims', 'case_notes', 'case_documents', 'assistance_participants', 'assistance_services', 'assistance_closure_requests', 'risk_assessments', 'assistance_follow_ups', 'referral_events'];

/** Tables the erasure reads as the system role (an UPDATE's WHERE reads rows: the SELECT policies apply too). */
const ERASURE_READS = [...ERASURE_UPDATES, 'victim_locations', 'referrals'];

/** Append-only tables whose one free-text column the erasure may clear, and nothing else. */
const APPEND_ONLY_TEXTS: Record<string, string> = { risk_assessments: 'measures', assistance_follow_ups: 'notes', referral_events: 'reason' };

/**
 * Retention and erasure on request (issue 16, items 4 and 5; Law 1581 of 2012).
 *
 * - `privacy_retention_settings`: one retention period per record type (years after the record ended), edited by
 *   whoever holds `privacy:review`; the defaults are the rows inserted here.
 * - `privacy_retention_items`: the review queue a job fills with the records whose period has run out (one row per
 *   case or hotline contact, ever); a reviewer confirms (the identity is erased) or postpones it with a reason.
 * - `privacy_erasure_requests`: a request to erase a case's identity, its legal basis and requester, two approvals by
 *   two people other than its recorder, and what was erased and kept (the certificate is built from these columns).
 * - Row-level security: `privacy:review` in the row's institution, or a national scope (`all`, `all_pseudonymised`);
 *   the erasure itself runs as the system role, in one transaction, after the service has checked all of that.
 * - `privacy:review` is given to the seeded supervisor, coordinator and administrator roles (roles are data).
 * - The erasure rewrites other areas' rows as the system role (`ruta_ctx_system()`, a login the application role
 *   cannot take): a system-only UPDATE policy on the tables that had none, DELETE of the shelter location, and on the
 *   three append-only tables (risk assessments, follow-ups, referral events) an UPDATE that may only clear their
 *   free-text column.
 */
export class Privacy1764405100000 implements MigrationInterface {
  name = 'Privacy1764405100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const versioned = `"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL`;
    await queryRunner.query(`CREATE SEQUENCE "privacy_pseudonym_seq"`);
    await queryRunner.query(`CREATE TABLE "privacy_retention_settings" (
      "recordType" character varying(30) NOT NULL,
      "years" smallint NOT NULL,
      "updatedById" uuid,
      ${versioned},
      CONSTRAINT "PK_privacy_retention_settings" PRIMARY KEY ("recordType"),
      CONSTRAINT "FK_privacy_retention_settings_updated_by" FOREIGN KEY ("updatedById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_privacy_retention_settings_years" CHECK ("years" BETWEEN 1 AND 50)
    )`);
    await queryRunner.query(
      `INSERT INTO "privacy_retention_settings" ("recordType", "years", "version") VALUES ('closed_case', 10, 1), ('ruled_out_case', 5, 1), ('hotline_contact', 2, 1)`,
    );

    await queryRunner.query(`CREATE TABLE "privacy_retention_items" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "recordType" character varying(30) NOT NULL,
      "caseId" uuid,
      "hotlineContactId" uuid,
      "code" character varying(20) NOT NULL,
      "institutionId" uuid NOT NULL,
      "endedOn" date NOT NULL,
      "dueOn" date NOT NULL,
      "status" character varying(20) NOT NULL DEFAULT 'pending',
      "postponedUntil" date,
      "reason" text,
      "decidedById" uuid,
      "decidedAt" TIMESTAMP WITH TIME ZONE,
      ${versioned},
      CONSTRAINT "PK_privacy_retention_items" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_privacy_retention_items_case" UNIQUE ("caseId"),
      CONSTRAINT "UQ_privacy_retention_items_contact" UNIQUE ("hotlineContactId"),
      CONSTRAINT "FK_privacy_retention_items_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_privacy_retention_items_contact" FOREIGN KEY ("hotlineContactId") REFERENCES "hotline_contacts"("id"),
      CONSTRAINT "FK_privacy_retention_items_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_privacy_retention_items_decided_by" FOREIGN KEY ("decidedById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_privacy_retention_items_target" CHECK (("caseId" IS NULL) <> ("hotlineContactId" IS NULL))
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_privacy_retention_items_queue" ON "privacy_retention_items" ("status", "dueOn", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_privacy_retention_items_institution_queue" ON "privacy_retention_items" ("institutionId", "status", "dueOn", "id")`);

    await queryRunner.query(`CREATE TABLE "privacy_erasure_requests" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "caseCode" character varying(20) NOT NULL,
      "institutionId" uuid NOT NULL,
      "legalBasis" character varying(30) NOT NULL,
      "requester" character varying(30) NOT NULL,
      "reason" text NOT NULL,
      "receivedOn" date NOT NULL,
      "status" character varying(20) NOT NULL DEFAULT 'pending',
      "recordedById" uuid NOT NULL,
      "firstApproverId" uuid,
      "firstApprovedAt" TIMESTAMP WITH TIME ZONE,
      "secondApproverId" uuid,
      "secondApprovedAt" TIMESTAMP WITH TIME ZONE,
      "refusedById" uuid,
      "refusalReason" text,
      "carriedOutById" uuid,
      "carriedOutAt" TIMESTAMP WITH TIME ZONE,
      "erased" text array NOT NULL DEFAULT '{}',
      "kept" jsonb NOT NULL DEFAULT '[]',
      ${versioned},
      CONSTRAINT "PK_privacy_erasure_requests" PRIMARY KEY ("id"),
      CONSTRAINT "FK_privacy_erasure_requests_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_privacy_erasure_requests_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id"),
      CONSTRAINT "FK_privacy_erasure_requests_recorded_by" FOREIGN KEY ("recordedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_privacy_erasure_requests_first_approver" FOREIGN KEY ("firstApproverId") REFERENCES "users"("id"),
      CONSTRAINT "FK_privacy_erasure_requests_second_approver" FOREIGN KEY ("secondApproverId") REFERENCES "users"("id"),
      CONSTRAINT "FK_privacy_erasure_requests_refused_by" FOREIGN KEY ("refusedById") REFERENCES "users"("id"),
      CONSTRAINT "FK_privacy_erasure_requests_carried_out_by" FOREIGN KEY ("carriedOutById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_privacy_erasure_requests_approvers" CHECK (
        ("firstApproverId" IS NULL OR "firstApproverId" <> "recordedById")
        AND ("secondApproverId" IS NULL OR ("secondApproverId" <> "recordedById" AND "secondApproverId" <> "firstApproverId"))
        AND ("status" NOT IN ('approved', 'carried_out') OR "secondApproverId" IS NOT NULL))
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_privacy_erasure_requests_created" ON "privacy_erasure_requests" ("createdAt", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_privacy_erasure_requests_case" ON "privacy_erasure_requests" ("caseId")`);
    // One open request per case at a time.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_privacy_erasure_requests_open" ON "privacy_erasure_requests" ("caseId") WHERE "status" IN ('pending', 'approved')`,
    );

    const reviewer = `ruta_ctx_has_permission('privacy:review')`;
    const reach = `("institutionId" = ruta_ctx_institution() OR ruta_ctx_scope() IN ('all', 'all_pseudonymised'))`;
    await enableRowLevelSecurity(queryRunner, 'privacy_retention_settings', { using: `ruta_ctx_system() OR ${reviewer}`, commands: ['SELECT', 'UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'privacy_retention_settings', { using: `ruta_ctx_system()`, commands: ['INSERT', 'DELETE'] });
    for (const table of ['privacy_retention_items', 'privacy_erasure_requests']) {
      await enableRowLevelSecurity(queryRunner, table, { using: `ruta_ctx_system() OR (${reviewer} AND ${reach})`, commands: ['SELECT', 'INSERT', 'UPDATE'] });
    }
    await queryRunner.query(`REVOKE ALL ON "privacy_retention_settings", "privacy_retention_items", "privacy_erasure_requests" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, UPDATE ON "privacy_retention_settings" TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON "privacy_retention_items", "privacy_erasure_requests" TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE "privacy_pseudonym_seq" TO ${APP_ROLE}`);

    for (const table of ERASURE_READS) {
      await queryRunner.query(`CREATE POLICY "${table}_select_erasure" ON "${table}" FOR SELECT TO ${SYSTEM_ROLE} USING (ruta_ctx_system())`);
    }
    for (const table of ERASURE_UPDATES) {
      await queryRunner.query(`CREATE POLICY "${table}_update_erasure" ON "${table}" FOR UPDATE TO ${SYSTEM_ROLE} USING (ruta_ctx_system()) WITH CHECK (ruta_ctx_system())`);
    }
    await queryRunner.query(`CREATE POLICY "victim_locations_delete_erasure" ON "victim_locations" FOR DELETE TO ${SYSTEM_ROLE} USING (ruta_ctx_system())`);
    await queryRunner.query(`GRANT DELETE ON "victim_locations" TO ${SYSTEM_ROLE}`);
    for (const [table, column] of Object.entries(APPEND_ONLY_TEXTS)) {
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
      await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ruta_reject_change()`);
      await queryRunner.query(`CREATE FUNCTION ruta_privacy_${table}_erasure_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF ruta_ctx_system() AND NEW."${column}" IS NULL AND (to_jsonb(NEW) - '${column}') = (to_jsonb(OLD) - '${column}') THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END $$`);
      await queryRunner.query(`CREATE TRIGGER "${table}_erasure_only" BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ruta_privacy_${table}_erasure_only()`);
      await queryRunner.query(`GRANT UPDATE ("${column}") ON "${table}" TO ${SYSTEM_ROLE}`);
    }

    await queryRunner.query(
      `UPDATE roles SET permissions = array_append(permissions, 'privacy:review'), version = version + 1
        WHERE code IN ('supervisor', 'coordinator', 'admin') AND NOT ('privacy:review' = ANY (permissions))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of Object.entries(APPEND_ONLY_TEXTS)) {
      await queryRunner.query(`REVOKE UPDATE ("${column}") ON "${table}" FROM ${SYSTEM_ROLE}`);
      await queryRunner.query(`DROP TRIGGER "${table}_erasure_only" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ruta_privacy_${table}_erasure_only()`);
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
      await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ruta_reject_change()`);
    }
    await queryRunner.query(`REVOKE DELETE ON "victim_locations" FROM ${SYSTEM_ROLE}`);
    await queryRunner.query(`DROP POLICY "victim_locations_delete_erasure" ON "victim_locations"`);
    for (const table of ERASURE_UPDATES) await queryRunner.query(`DROP POLICY "${table}_update_erasure" ON "${table}"`);
    for (const table of ERASURE_READS) await queryRunner.query(`DROP POLICY "${table}_select_erasure" ON "${table}"`);
    await queryRunner.query(`UPDATE roles SET permissions = array_remove(permissions, 'privacy:review'), version = version + 1 WHERE 'privacy:review' = ANY (permissions)`);
    for (const table of ['privacy_retention_settings', 'privacy_retention_items', 'privacy_erasure_requests']) await disableRowLevelSecurity(queryRunner, table);
    await queryRunner.query(`DROP TABLE "privacy_erasure_requests"`);
    await queryRunner.query(`DROP TABLE "privacy_retention_items"`);
    await queryRunner.query(`DROP TABLE "privacy_retention_settings"`);
    await queryRunner.query(`DROP SEQUENCE "privacy_pseudonym_seq"`);
  }
}
