import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, enableRowLevelSecurity } from './rls';

/** The victim facts the indicators count by (migration 1764404600000), for `indicators:read` or for `gate`. */
const victimFactsView = (gate: string) => `CREATE OR REPLACE VIEW "indicator_victim_facts" WITH (security_barrier) AS
      SELECT v."caseId", v."sex", v."nationality",
        EXISTS (SELECT 1 FROM consents k WHERE k."caseId" = v."caseId" AND k."purpose" = 'anonymous_statistics' AND k."revokedAt" IS NULL) AS "statisticsConsent",
        (SELECT e."countryCode" FROM trafficking_events e WHERE e."caseId" = v."caseId" AND e."kind" = 'exploitation' ORDER BY e."startedOn" NULLS LAST, e."createdAt" LIMIT 1) AS "exploitationCountry"
      FROM victims v
      WHERE (SELECT ${gate})`;

/**
 * Indicator snapshots (issue 15: the year's indicators and the coordinator's dashboard were computed live, 4.4–4.6 s
 * at 1,000,000 cases, and answered 503 under load):
 * - `indicator_snapshots`: the figures of the whole centre for a period (the year's indicators with the annual report's
 *   area rows, the coordinator's year-so-far dashboard), computed by the indicator snapshot job as the system and
 *   served, labelled with the time they were computed, to readers who would see every row anyway (an all-case scope
 *   with `indicators:read`; the server also checks the area permissions). Aggregates only, never a case or a victim.
 *   Only the system writes them; readers with a narrower scope never see a row and get figures computed live.
 * - `indicator_victim_facts` opens for the system too, so that the snapshot counts by sex and nationality as the
 *   coordinator's live read does.
 */
export class IndicatorSnapshots1764406100000 implements MigrationInterface {
  name = 'IndicatorSnapshots1764406100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(victimFactsView(`ruta_ctx_system() OR ruta_ctx_has_permission('indicators:read')`));
    await queryRunner.query(`CREATE TABLE "indicator_snapshots" (
      "key" character varying(40) NOT NULL,
      "periodFrom" date NOT NULL,
      "periodTo" date NOT NULL,
      "data" jsonb NOT NULL,
      "computedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
      "tookMs" integer NOT NULL,
      CONSTRAINT "PK_indicator_snapshots" PRIMARY KEY ("key"),
      CONSTRAINT "CHK_indicator_snapshots_period" CHECK ("periodFrom" <= "periodTo")
    )`);
    await enableRowLevelSecurity(queryRunner, 'indicator_snapshots', {
      using: `(SELECT ruta_ctx_system()) OR ((SELECT ruta_ctx_scope()) IN ('all', 'all_pseudonymised') AND (SELECT ruta_ctx_has_permission('indicators:read')))`,
      commands: ['SELECT'],
    });
    await enableRowLevelSecurity(queryRunner, 'indicator_snapshots', { using: '(SELECT ruta_ctx_system())', commands: ['INSERT', 'UPDATE'] });
    await queryRunner.query(`REVOKE ALL ON "indicator_snapshots" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON "indicator_snapshots" TO ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "indicator_snapshots"`);
    await queryRunner.query(victimFactsView(`ruta_ctx_has_permission('indicators:read')`));
  }
}
