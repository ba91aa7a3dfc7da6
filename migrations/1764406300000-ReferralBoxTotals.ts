import { MigrationInterface, QueryRunner } from 'typeorm';

/** The status indexes of each box and the other side's column that the referrals' row-level security also reads. */
const BOXES = [
  { name: 'IDX_referrals_to_status_created', columns: '"toInstitutionId", "status", "createdAt", "id"', other: '"fromInstitutionId"' },
  { name: 'IDX_referrals_from_status_created', columns: '"fromInstitutionId", "status", "createdAt", "id"', other: '"toInstitutionId"' },
] as const;

/**
 * Issue 15: the total of an inbox or outbox (`ReferralsRepository.countQuery`: my institution's side, not a draft)
 * visited every referral of the box in the heap, because the referrals' policy also reads the other side's institution
 * (`"fromInstitutionId" = me OR ("toInstitutionId" = me AND status <> 'draft')`): 19,000 heap rows for one inbox at
 * 200,000 cases, 28 ms, and about 100,000 at 1,000,000. Each box's status index now carries the other side's column
 * (INCLUDE), so the count is an index-only scan. Rebuilt online: the new index is built CONCURRENTLY under a
 * temporary name, then takes the old one's place (IF EXISTS / IF NOT EXISTS: a run stopped half-way resumes).
 */
export class ReferralBoxTotals1764406300000 implements MigrationInterface {
  name = 'ReferralBoxTotals1764406300000';
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const box of BOXES) await this.rebuild(queryRunner, box.name, `${box.columns}) INCLUDE (${box.other}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const box of BOXES) await this.rebuild(queryRunner, box.name, box.columns);
  }

  private async rebuild(queryRunner: QueryRunner, name: string, definition: string): Promise<void> {
    const concurrently = queryRunner.isTransactionActive ? '' : ' CONCURRENTLY';
    const next = `${name}_next`;
    await queryRunner.query(`DROP INDEX${concurrently} IF EXISTS "${next}"`);
    await queryRunner.query(`CREATE INDEX${concurrently} "${next}" ON "referrals" (${definition})`);
    await queryRunner.query(`DROP INDEX${concurrently} IF EXISTS "${name}"`);
    await queryRunner.query(`ALTER INDEX "${next}" RENAME TO "${name}"`);
  }
}
