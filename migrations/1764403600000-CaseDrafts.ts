import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableRowLevelSecurity, enableRowLevelSecurity } from './rls';

/**
 * The unfinished intake of each user (issue 4, "draft saved"), so a reload does not lose it. One draft per user; the
 * payload is the wizard's value sealed with the server's secret box (AES-256-GCM), so victim data is never stored in
 * clear. Only its owner sees or changes it. The default privileges of the Foundation migration already grant the
 * application role SELECT, INSERT, UPDATE and DELETE on new tables; row-level security narrows them to the owner.
 */
export class CaseDrafts1764403600000 implements MigrationInterface {
  name = 'CaseDrafts1764403600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_drafts" (
      "userId" uuid NOT NULL,
      "payload" text NOT NULL,
      "step" smallint NOT NULL,
      "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_case_drafts" PRIMARY KEY ("userId"),
      CONSTRAINT "FK_case_drafts_user" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "CHK_case_drafts_step" CHECK ("step" >= 0 AND "step" <= 4)
    )`);
    await enableRowLevelSecurity(queryRunner, 'case_drafts', { using: `"userId" = ruta_ctx_user()` });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableRowLevelSecurity(queryRunner, 'case_drafts');
    await queryRunner.query(`DROP TABLE "case_drafts"`);
  }
}
