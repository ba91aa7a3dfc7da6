import { IndicatorDefinition, IndicatorProvider } from './indicator-definition';

/**
 * The victims identified in the period: cases whose identification date falls in it, not ruled out as victims
 * (possible and confirmed), owned by the institution and in the department when those filters are set. The range
 * takes IDX_cases_identified_status (IDX_cases_institution_identified_status with an institution).
 */
export const IDENTIFIED_CASES = `SELECT c.id, c.purposes, c.scope, c."ageBand", c."minorAtIdentification"
  FROM cases c
  WHERE c."identifiedOn" >= CAST($1 AS date) AND c."identifiedOn" <= CAST($2 AS date)
    AND c."traffickingStatus" <> 'ruled_out'
    AND ($3::uuid IS NULL OR c."ownerInstitutionId" = $3::uuid)
    AND ($4::varchar IS NULL OR c."departmentCode" = $4::varchar)`;

/** The same cases with the victim's sex and nationality (the `indicator_victim_facts` view, `indicators:read` only). */
const WITH_FACTS = `SELECT i.*, f.sex, f.nationality FROM (${IDENTIFIED_CASES}) i LEFT JOIN indicator_victim_facts f ON f."caseId" = i.id`;

/** A breakdown by one column, with the total of victims counted once. */
function byColumn(source: string, column: string): string {
  return `SELECT coalesce(${column}, 'unknown') AS bucket, count(*) AS value FROM (${source}) v GROUP BY 1
    UNION ALL SELECT 'total', count(*) FROM (${source}) v`;
}

export const CASE_INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'victims_identified', dimension: null, sql: `SELECT 'total' AS bucket, count(*) AS value FROM (${IDENTIFIED_CASES}) v` },
  {
    key: 'victims_by_purpose',
    dimension: 'purpose',
    // A victim exploited for several purposes counts once in each of them, and once in the total.
    sql: `SELECT p AS bucket, count(*) AS value FROM (${IDENTIFIED_CASES}) v CROSS JOIN LATERAL unnest(v.purposes) p GROUP BY 1
      UNION ALL SELECT 'total', count(*) FROM (${IDENTIFIED_CASES}) v`,
  },
  { key: 'victims_by_sex', dimension: 'sex', sql: byColumn(WITH_FACTS, 'v.sex') },
  { key: 'victims_by_age_band', dimension: 'age_band', sql: byColumn(IDENTIFIED_CASES, 'v."ageBand"') },
  { key: 'victims_by_nationality', dimension: 'nationality', sql: byColumn(WITH_FACTS, 'v.nationality') },
  { key: 'victims_by_scope', dimension: 'scope', sql: byColumn(IDENTIFIED_CASES, 'v.scope') },
  { key: 'victims_minors', dimension: null, sql: `SELECT 'total' AS bucket, count(*) FILTER (WHERE v."minorAtIdentification") AS value FROM (${IDENTIFIED_CASES}) v` },
];

export const caseIndicators: IndicatorProvider = { definitions: CASE_INDICATORS };
