import { Injectable } from '@nestjs/common';
import { IndicatorBreakdown } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';

export interface IndicatorTotals {
  investigationsOpened: number;
  victimsInvolved: number;
  averageMonthsToSentence: number | null;
  sentences: number;
  minMonths: number | null;
  averageMonths: number | null;
  maxMonths: number | null;
}

const BREAKDOWN_SQL = `WITH entered AS (
         SELECT e."defendantId",
                bool_or(e."toStage" = 'imputacion') AS charged, bool_or(e."toStage" = 'acusacion') AS accused,
                bool_or(e."toStage" = 'sentencia_condenatoria') AS convicted, bool_or(e."toStage" = 'sentencia_absolutoria') AS acquitted
         FROM defendant_stage_events e
         WHERE e."toStage" IN ('imputacion', 'acusacion', 'sentencia_condenatoria', 'sentencia_absolutoria') AND e."on" >= $1::date AND e."on" < $2::date
         GROUP BY e."defendantId"
       )
       SELECT GROUPING(d.sex) = 0 AS "bySex", GROUPING(d.nationality) = 0 AS "byNationality",
              CASE WHEN GROUPING(d.sex) = 0 THEN d.sex WHEN GROUPING(d.nationality) = 0 THEN coalesce(d.nationality, '') ELSE '' END AS key,
              count(*) FILTER (WHERE en.charged)::int AS charged, count(*) FILTER (WHERE en.accused)::int AS accused,
              count(*) FILTER (WHERE en.convicted)::int AS convicted, count(*) FILTER (WHERE en.acquitted)::int AS acquitted
       FROM entered en JOIN defendants d ON d.id = en."defendantId"
       GROUP BY GROUPING SETS ((), (d.sex), (d.nationality))
       ORDER BY 1, 2, 3`;

const TOTALS_SQL = `WITH opened AS (SELECT p.id FROM proceedings p WHERE p."reportedOn" >= $1::date AND p."reportedOn" < $2::date),
       sentenced AS (
         SELECT DISTINCT ON (e."defendantId") e."defendantId", e."toStage", e."on", p."reportedOn", d."prisonMonths"
         FROM defendant_stage_events e JOIN defendants d ON d.id = e."defendantId" JOIN proceedings p ON p.id = e."proceedingId"
         WHERE e."toStage" IN ('sentencia_condenatoria', 'sentencia_absolutoria') AND e."on" >= $1::date AND e."on" < $2::date
         ORDER BY e."defendantId", e."on"
       )
       SELECT (SELECT count(*)::int FROM opened) AS "investigationsOpened",
              (SELECT count(DISTINCT pv."caseId")::int FROM proceeding_victims pv WHERE pv."proceedingId" IN (SELECT id FROM opened)) AS "victimsInvolved",
              (SELECT round(avg((s."on" - s."reportedOn") / 30.4375)::numeric, 1)::float FROM sentenced s) AS "averageMonthsToSentence",
              (SELECT count(s."prisonMonths")::int FROM sentenced s WHERE s."toStage" = 'sentencia_condenatoria') AS sentences,
              (SELECT min(s."prisonMonths") FROM sentenced s WHERE s."toStage" = 'sentencia_condenatoria') AS "minMonths",
              (SELECT round(avg(s."prisonMonths")::numeric, 1)::float FROM sentenced s WHERE s."toStage" = 'sentencia_condenatoria') AS "averageMonths",
              (SELECT max(s."prisonMonths") FROM sentenced s WHERE s."toStage" = 'sentencia_condenatoria') AS "maxMonths"`;

/** The two statements of the indicators ($1 from, $2 to: dates), exported for the query-plan test. */
export const JUSTICE_INDICATOR_SQL = { breakdown: BREAKDOWN_SQL, totals: TOTALS_SQL };

/**
 * The one definition of the justice indicators, set-based over what the reader may see (row-level security):
 * - investigations opened: proceedings whose noticia criminal was reported in the period;
 * - victims involved: distinct cases linked to those proceedings;
 * - charged / accused / convicted / acquitted: defendants who entered imputación / acusación / sentencia condenatoria
 *   / sentencia absolutoria in the period (a preacuerdo's conviction counts as a conviction), by sex and nationality;
 * - months from noticia criminal to sentence, and sentence lengths: the sentences (either verdict; lengths of
 *   convictions) handed down in the period.
 */
@Injectable()
export class JusticeIndicatorsRepository extends RepositoryBase {
  async breakdown(from: string, to: string): Promise<(IndicatorBreakdown & { bySex: boolean; byNationality: boolean })[]> {
    return this.manager.query(
      BREAKDOWN_SQL,
      [from, to],
    );
  }

  async totals(from: string, to: string): Promise<IndicatorTotals> {
    const [row] = await this.manager.query(
      TOTALS_SQL,
      [from, to],
    );
    return row;
  }
}
