import { MigrationInterface, QueryRunner } from 'typeorm';

/** The response deadline as the inbox and outbox sort it: drafts (no deadline yet) last. */
const DEADLINE_KEY = `COALESCE("deadlineAt", 'infinity'::timestamptz)`;

/**
 * Inbox and outbox filters and sortable columns (issue 9): each box (to my institution, from it, all for coordinators)
 * keyset-pages on (sort key, id) for every sort it offers — created, response deadline, case code — and the commonest
 * filter (status) keeps the newest-first order on an index of its own. No table changes.
 */
export class ReferralFilters1764404150000 implements MigrationInterface {
  name = 'ReferralFilters1764404150000';

  private readonly indexes: [string, string][] = [
    ['IDX_referrals_to_deadline', `"toInstitutionId", ${DEADLINE_KEY}, "id"`],
    ['IDX_referrals_from_deadline', `"fromInstitutionId", ${DEADLINE_KEY}, "id"`],
    ['IDX_referrals_deadline', `${DEADLINE_KEY}, "id"`],
    ['IDX_referrals_to_case_code', `"toInstitutionId", "caseCode", "id"`],
    ['IDX_referrals_from_case_code', `"fromInstitutionId", "caseCode", "id"`],
    ['IDX_referrals_case_code', `"caseCode", "id"`],
    ['IDX_referrals_to_status_created', `"toInstitutionId", "status", "createdAt", "id"`],
    ['IDX_referrals_from_status_created', `"fromInstitutionId", "status", "createdAt", "id"`],
  ];

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, columns] of this.indexes) await queryRunner.query(`CREATE INDEX "${name}" ON "referrals" (${columns})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...this.indexes].reverse()) await queryRunner.query(`DROP INDEX "${name}"`);
  }
}
