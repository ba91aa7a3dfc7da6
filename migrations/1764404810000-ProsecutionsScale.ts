import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './rls';

/** The link tables an alleged trafficker can be taken out of again. */
const UNLINKABLE = ['trafficker_cases', 'operation_traffickers'];

/**
 * Prosecutions at scale and its corrections (issue 11):
 * - the operations list of a reader who sees every institution (coordinators, all_pseudonymised) is ordered by
 *   ("occurredOn", "id") across institutions: an index of its own, read either way (newest or oldest first), instead
 *   of a sort of every operation (the per-institution index leads with "institutionId");
 * - an alleged trafficker linked by mistake to a case or an operation can be unlinked: DELETE on the two link tables
 *   for whoever may link (the DELETE policy is the INSERT policy's own check, copied from pg_policies, so the two
 *   cannot drift apart); the service audits each unlink;
 * - appeals are edited (their outcome recorded) under optimistic locking: "version" and "updatedAt".
 */
export class ProsecutionsScale1764404810000 implements MigrationInterface {
  name = 'ProsecutionsScale1764404810000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_operations_occurred" ON "operations" ("occurredOn", "id")`);
    for (const table of UNLINKABLE) {
      const [insert] = await queryRunner.query(`SELECT with_check FROM pg_policies WHERE schemaname = 'public' AND tablename = $1 AND policyname = $2`, [table, `${table}_insert`]);
      if (!insert?.with_check) throw new Error(`${table} has no insert policy to copy`);
      await queryRunner.query(`CREATE POLICY "${table}_delete" ON "${table}" FOR DELETE TO ${APP_ROLE} USING (${insert.with_check})`);
      await queryRunner.query(`GRANT DELETE ON "${table}" TO ${APP_ROLE}`);
    }
    await queryRunner.query(`ALTER TABLE "appeals" ADD "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "appeals" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appeals" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "appeals" DROP COLUMN "updatedAt"`);
    for (const table of UNLINKABLE) {
      await queryRunner.query(`REVOKE DELETE ON "${table}" FROM ${APP_ROLE}`);
      await queryRunner.query(`DROP POLICY "${table}_delete" ON "${table}"`);
    }
    await queryRunner.query(`DROP INDEX "IDX_operations_occurred"`);
  }
}
