import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity } from './rls';

/**
 * The national hotline (issue 12): one row per call or message, and the historical call-log imports.
 *
 * - The caller's number is never stored readable: `phoneSealed` is AES-256-GCM under the server key, `phoneHash` an
 *   HMAC-SHA-256 under a key derived from it, so repeat callers are counted by an indexed equality on the hash.
 * - Row-level security: `hotline:read` reads the national hotline's contacts (one service, run by IOM); a contact
 *   linked to a case is also visible to whoever sees the case (`ruta_case_visible`), as part of its record. Writing
 *   needs `hotline:manage`; nothing is ever deleted. An import is visible to its author only and written by the job
 *   (system role).
 * - Contact codes `LN-<year>-<number>` come from a sequence, so two instances never give the same one.
 */
export class Hotline1764404500000 implements MigrationInterface {
  name = 'Hotline1764404500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "hotline_contact_number_seq"`);
    await queryRunner.query(`CREATE TABLE "hotline_contacts" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "code" character varying(20) NOT NULL,
      "channel" character varying(20) NOT NULL,
      "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
      "durationSeconds" integer,
      "operatorId" uuid NOT NULL,
      "callerType" character varying(20) NOT NULL,
      "callType" character varying(20) NOT NULL,
      "departmentCode" character varying(2),
      "municipalityCode" character varying(5),
      "countryCode" character varying(2),
      "destinationCountryCode" character varying(2),
      "purposes" text array NOT NULL,
      "acts" text array NOT NULL,
      "means" text array NOT NULL,
      "urgency" character varying(20) NOT NULL,
      "childInvolved" boolean NOT NULL,
      "summary" text,
      "consentToAuthorities" boolean NOT NULL,
      "phoneSealed" text,
      "phoneHash" character varying(64),
      "status" character varying(20) NOT NULL,
      "outcome" character varying(20),
      "reportGround" character varying(20),
      "caseId" uuid,
      "referralId" uuid,
      "takenById" uuid,
      "takenAt" TIMESTAMP WITH TIME ZONE,
      "outcomeAt" TIMESTAMP WITH TIME ZONE,
      "importId" uuid,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_hotline_contacts" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_hotline_contacts_code" UNIQUE ("code"),
      CONSTRAINT "FK_hotline_contacts_operator" FOREIGN KEY ("operatorId") REFERENCES "users"("id"),
      CONSTRAINT "FK_hotline_contacts_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_hotline_contacts_referral" FOREIGN KEY ("referralId") REFERENCES "referrals"("id"),
      CONSTRAINT "FK_hotline_contacts_taken_by" FOREIGN KEY ("takenById") REFERENCES "users"("id"),
      CONSTRAINT "CHK_hotline_contacts_phone" CHECK (("phoneSealed" IS NULL) = ("phoneHash" IS NULL)),
      CONSTRAINT "CHK_hotline_contacts_place" CHECK ("countryCode" IS NULL OR "countryCode" = 'CO' OR ("departmentCode" IS NULL AND "municipalityCode" IS NULL))
    )`);
    const indexes: [string, string][] = [
      ['IDX_hotline_contacts_started', '"startedAt", "id"'],
      ['IDX_hotline_contacts_status_started', '"status", "startedAt", "id"'],
      ['IDX_hotline_contacts_phone', '"phoneHash", "startedAt"'],
      ['IDX_hotline_contacts_case', '"caseId"'],
      ['IDX_hotline_contacts_operator', '"operatorId", "startedAt"'],
    ];
    for (const [name, columns] of indexes) await queryRunner.query(`CREATE INDEX "${name}" ON "hotline_contacts" (${columns})`);
    // The crisis banner's look-up: crisis contacts nobody has taken yet.
    await queryRunner.query(`CREATE INDEX "IDX_hotline_contacts_untaken_crisis" ON "hotline_contacts" ("startedAt") WHERE "callType" = 'crisis' AND "takenAt" IS NULL`);

    await queryRunner.query(`CREATE TABLE "hotline_imports" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "createdById" uuid NOT NULL,
      "fileName" character varying(200) NOT NULL,
      "status" character varying(20) NOT NULL,
      "mapping" jsonb NOT NULL,
      "contentSealed" text,
      "totalRows" integer NOT NULL DEFAULT 0,
      "processedRows" integer NOT NULL DEFAULT 0,
      "importedRows" integer NOT NULL DEFAULT 0,
      "rejected" jsonb NOT NULL DEFAULT '[]',
      "error" text,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "finishedAt" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_hotline_imports" PRIMARY KEY ("id"),
      CONSTRAINT "FK_hotline_imports_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_hotline_imports_pending" ON "hotline_imports" ("createdAt") WHERE "status" = 'pending'`);
    await queryRunner.query(`ALTER TABLE "hotline_contacts" ADD CONSTRAINT "FK_hotline_contacts_import" FOREIGN KEY ("importId") REFERENCES "hotline_imports"("id")`);

    const can = (permission: string) => `ruta_ctx_has_permission('${permission}')`;
    await enableRowLevelSecurity(queryRunner, 'hotline_contacts', {
      using: `ruta_ctx_system() OR ${can('hotline:read')} OR ("caseId" IS NOT NULL AND ruta_case_visible("caseId"))`,
      commands: ['SELECT'],
    });
    await enableRowLevelSecurity(queryRunner, 'hotline_contacts', { using: 'false', check: `ruta_ctx_system() OR (${can('hotline:manage')} AND "operatorId" = ruta_ctx_user())`, commands: ['INSERT'] });
    await enableRowLevelSecurity(queryRunner, 'hotline_contacts', { using: `ruta_ctx_system() OR ${can('hotline:manage')}`, commands: ['UPDATE'] });
    await enableRowLevelSecurity(queryRunner, 'hotline_imports', { using: `ruta_ctx_system() OR "createdById" = ruta_ctx_user()`, commands: ['SELECT'] });
    await enableRowLevelSecurity(queryRunner, 'hotline_imports', { using: 'false', check: `${can('hotline:manage')} AND "createdById" = ruta_ctx_user() AND "status" = 'pending'`, commands: ['INSERT'] });
    await enableRowLevelSecurity(queryRunner, 'hotline_imports', { using: `ruta_ctx_system()`, commands: ['UPDATE'] });

    await queryRunner.query(`REVOKE ALL ON "hotline_contacts", "hotline_imports" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON "hotline_contacts", "hotline_imports" TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE "hotline_contact_number_seq" TO ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['hotline_contacts', 'hotline_imports']) await disableRowLevelSecurity(queryRunner, table);
    await queryRunner.query(`DROP TABLE "hotline_contacts"`);
    await queryRunner.query(`DROP TABLE "hotline_imports"`);
    await queryRunner.query(`DROP SEQUENCE "hotline_contact_number_seq"`);
  }
}
