import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './rls';

/** The tables whose rows a referral can share, and the referral's test for one row (migration 1764404100000-Referrals). */
const SHARED = [
  { table: 'victims', shares: `ruta_referral_shares("caseId", 'identity')` },
  { table: 'trafficking_events', shares: `ruta_referral_shares("caseId", 'situation')` },
  { table: 'case_documents', shares: `ruta_referral_shares_document("id")` },
] as const;

/**
 * Issue 15: victims, trafficking events and case documents had two permissive SELECT policies, the case scope
 * (`<table>_select`) and the referral's share (`<table>_select_referral`). PostgreSQL joins permissive policies with
 * OR in an order of its own, and put the referral's function first: every victim row of a case list, detail or name
 * search called `ruta_referral_shares()` (a query on referrals) before the inlined scope check that already let it
 * through. One policy per table now, the same rule with the cheap arm first, so the function runs only for rows outside
 * the scope — and only for users who may read referrals at all (an InitPlan, once per statement).
 */
export class ReferralSharingLast1764406200000 implements MigrationInterface {
  name = 'ReferralSharingLast1764406200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, shares } of SHARED) {
      const using = await this.using(queryRunner, `${table}_select`);
      await queryRunner.query(`ALTER POLICY "${table}_select" ON "${table}" USING ((${using}) OR ((SELECT ruta_ctx_has_permission('referrals:read')) AND ${shares}))`);
      await queryRunner.query(`DROP POLICY "${table}_select_referral" ON "${table}"`);
      // The scope rule as it was, for down(): PostgreSQL prints the joined expression back in a form of its own.
      await queryRunner.query(`COMMENT ON POLICY "${table}_select" ON "${table}" IS ${quote(using)}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, shares } of SHARED) {
      const [{ comment }] = await queryRunner.query(
        `SELECT obj_description(p.oid, 'pg_policy') AS comment FROM pg_policy p WHERE p.polname = $1 AND p.polrelid = $2::regclass`,
        [`${table}_select`, table],
      );
      if (!comment) throw new Error(`${table}_select has no comment with its earlier rule`);
      await queryRunner.query(`ALTER POLICY "${table}_select" ON "${table}" USING (${comment})`);
      await queryRunner.query(`COMMENT ON POLICY "${table}_select" ON "${table}" IS NULL`);
      await queryRunner.query(`CREATE POLICY "${table}_select_referral" ON "${table}" FOR SELECT TO ${APP_ROLE} USING (${shares})`);
    }
  }

  private async using(queryRunner: QueryRunner, policy: string): Promise<string> {
    const [row] = await queryRunner.query(`SELECT qual FROM pg_policies WHERE schemaname = 'public' AND policyname = $1`, [policy]);
    if (!row?.qual) throw new Error(`policy ${policy} not found`);
    return row.qual;
  }
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
