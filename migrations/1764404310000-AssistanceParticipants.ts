import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableRowLevelSecurity, enableRowLevelSecurity } from './rls';

/**
 * Assistance (issue 10, item 2): beneficiary relatives — first degree, spouse or permanent partner — recorded on the
 * case as participants, and a service for the victim or one of them. Identity data: the table follows the case
 * (`ruta_case_visible()`), read with `assistance:read`, written with `assistance:manage`; never deleted.
 */
export class AssistanceParticipants1764404310000 implements MigrationInterface {
  name = 'AssistanceParticipants1764404310000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "assistance_participants" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "caseId" uuid NOT NULL,
      "fullName" character varying(200) NOT NULL,
      "relation" character varying(20) NOT NULL,
      "sex" character varying(20) NOT NULL,
      "ageBand" character varying(10),
      "createdById" uuid NOT NULL,
      "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "PK_assistance_participants" PRIMARY KEY ("id"),
      CONSTRAINT "FK_assistance_participants_case" FOREIGN KEY ("caseId") REFERENCES "cases"("id"),
      CONSTRAINT "FK_assistance_participants_created_by" FOREIGN KEY ("createdById") REFERENCES "users"("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_assistance_participants_case" ON "assistance_participants" ("caseId", "createdAt")`);
    await queryRunner.query(`ALTER TABLE "assistance_services" ADD "participantId" uuid`);
    await queryRunner.query(
      `ALTER TABLE "assistance_services" ADD CONSTRAINT "FK_assistance_services_participant" FOREIGN KEY ("participantId") REFERENCES "assistance_participants"("id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_assistance_services_participant" ON "assistance_services" ("participantId")`);

    const read = `ruta_case_visible("caseId") AND ruta_ctx_has_permission('assistance:read')`;
    const manage = `ruta_case_visible("caseId") AND ruta_ctx_has_permission('assistance:manage')`;
    await enableRowLevelSecurity(queryRunner, 'assistance_participants', { using: read, check: manage, commands: ['SELECT', 'INSERT', 'UPDATE'] });
    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "assistance_participants" FROM ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_assistance_services_participant"`);
    await queryRunner.query(`ALTER TABLE "assistance_services" DROP CONSTRAINT "FK_assistance_services_participant"`);
    await queryRunner.query(`ALTER TABLE "assistance_services" DROP COLUMN "participantId"`);
    await disableRowLevelSecurity(queryRunner, 'assistance_participants');
    await queryRunner.query(`DROP TABLE "assistance_participants"`);
  }
}
