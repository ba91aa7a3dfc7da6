import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Export jobs get a lease: the instance building a job renews `heartbeatAt` after every chunk, and `attempts` counts
 * the claims (it also fences a worker that lost its lease: its progress and its file are written only while the
 * attempt is still the job's). A job left `running` by a server that died is queued again once its lease has run out,
 * and failed after its third attempt (the export job does it, under its advisory lock).
 */
export class IndicatorsRoles1764404830000 implements MigrationInterface {
  name = 'IndicatorsRoles1764404830000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_jobs" ADD "attempts" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "export_jobs" ADD "heartbeatAt" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_jobs" DROP COLUMN "heartbeatAt"`);
    await queryRunner.query(`ALTER TABLE "export_jobs" DROP COLUMN "attempts"`);
  }
}
