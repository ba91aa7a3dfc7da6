import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: a proceeding's detail reads its defendants' stage history by proceeding (`ProceedingsRepository.history`:
 * `WHERE "proceedingId" = $1 ORDER BY at, id`), which only had indexes by defendant and by stage, so each detail read
 * scanned every stage event (about 1.2 million at 1,000,000 cases). Built CONCURRENTLY outside a transaction so that a
 * running centre keeps writing proceedings meanwhile (IF NOT EXISTS: a build stopped half-way is dropped and rebuilt).
 */
export class ProceedingHistoryIndex1764406000000 implements MigrationInterface {
  name = 'ProceedingHistoryIndex1764406000000';
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    const concurrently = queryRunner.isTransactionActive ? '' : ' CONCURRENTLY';
    // An invalid index left by an interrupted concurrent build would be kept by IF NOT EXISTS: drop it first.
    await queryRunner.query(`DROP INDEX${concurrently} IF EXISTS "IDX_defendant_stage_events_proceeding"`);
    await queryRunner.query(`CREATE INDEX${concurrently} "IDX_defendant_stage_events_proceeding" ON "defendant_stage_events" ("proceedingId", "at", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_defendant_stage_events_proceeding"`);
  }
}
