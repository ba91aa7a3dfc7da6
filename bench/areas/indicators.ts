import type { BenchArea } from './area';

/**
 * The benchmark's indicators. The indicators keep no summary or snapshot table of their own: every figure is computed
 * live from the areas' rows (cases and the `indicator_victim_facts` view, referrals, proceedings and the defendants'
 * stage events, hotline contacts, assistance), under row-level security, so this area loads nothing and measures the
 * coordinator's two reads over what the other areas loaded.
 */

/** The client's indicators home and dashboard ask for the current year (the loaded cases run to late 2026). */
const YEAR = new Date().getUTCFullYear();
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;

/** The victims identified in the year (the registry's IDENTIFIED_CASES without the optional filters). */
const IDENTIFIED = `SELECT c.id, c.purposes, c.scope, c."ageBand", c."minorAtIdentification" FROM cases c
  WHERE c."identifiedOn" >= $1::date AND c."identifiedOn" <= $2::date AND c."traffickingStatus" <> 'ruled_out'`;

export const indicators: BenchArea = {
  name: 'indicators',
  batchStatements: () => [],
  scenarios: [
    {
      name: 'indicators_coordinator',
      label: 'indicators of the year, coordinator',
      actor: 'coordinator',
      request: () => ({ method: 'GET', path: `/api/indicators?year=${YEAR}` }),
      minimal: {
        // Each breakdown once, in three passes (the server runs one statement per indicator).
        statements: [
          `SELECT count(*) AS total, count(*) FILTER (WHERE v."minorAtIdentification") AS minors,
             (SELECT json_object_agg(p, n) FROM (SELECT p, count(*) n FROM (${IDENTIFIED}) w CROSS JOIN LATERAL unnest(w.purposes) p GROUP BY p) x) AS purposes,
             (SELECT json_object_agg(coalesce(a, 'unknown'), n) FROM (SELECT w."ageBand" a, count(*) n FROM (${IDENTIFIED}) w GROUP BY 1) x) AS "ageBands",
             (SELECT json_object_agg(coalesce(s, 'unknown'), n) FROM (SELECT w.scope s, count(*) n FROM (${IDENTIFIED}) w GROUP BY 1) x) AS scopes
           FROM (${IDENTIFIED}) v`,
          `SELECT GROUPING(vi.sex) = 0 AS "bySex", coalesce(vi.sex, vi.nationality, 'unknown') AS bucket, count(*)
           FROM (${IDENTIFIED}) w LEFT JOIN victims vi ON vi."caseId" = w.id GROUP BY GROUPING SETS ((vi.sex), (vi.nationality))`,
          `SELECT count(*) AS sent, count(*) FILTER (WHERE r."acceptedAt" IS NOT NULL) AS accepted, count(*) FILTER (WHERE r.status = 'completed') AS completed,
             count(*) FILTER (WHERE r."overdueAt" IS NOT NULL) AS overdue,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."acceptedAt" - r."sentAt") / 3600) AS "medianHours"
           FROM referrals r WHERE r."sentAt" >= $1::date AND r."sentAt" < $2::date + 1`,
        ],
        params: () => [FROM, TO],
      },
    },
    {
      name: 'dashboard_coordinator',
      label: 'home dashboard, coordinator',
      actor: 'coordinator',
      request: () => ({ method: 'GET', path: '/api/indicators/dashboards/coordinator' }),
      minimal: {
        // The year so far: justice figures (proceedings opened, defendants entering the counted stages, sentences) and
        // the hotline's contacts with what they became (the assistance counts stay with the assistance area's rows).
        statements: [
          `SELECT (SELECT count(*) FROM proceedings p WHERE p."reportedOn" >= $1::date AND p."reportedOn" < now()::date + 1) AS opened,
             (SELECT json_object_agg(s, n) FROM (SELECT e."toStage" s, count(DISTINCT e."defendantId") n FROM defendant_stage_events e
                WHERE e."toStage" IN ('imputacion', 'acusacion', 'sentencia_condenatoria', 'sentencia_absolutoria') AND e."on" >= $1::date AND e."on" < now()::date + 1 GROUP BY 1) x) AS entered,
             (SELECT round(avg(d."prisonMonths"), 1) FROM defendant_stage_events e JOIN defendants d ON d.id = e."defendantId"
                WHERE e."toStage" = 'sentencia_condenatoria' AND e."on" >= $1::date AND e."on" < now()::date + 1) AS "averageMonths"`,
          `SELECT count(*) AS total, count(*) FILTER (WHERE outcome = 'tip_sent') AS tips, count(*) FILTER (WHERE outcome = 'referral') AS referrals,
             count(*) FILTER (WHERE outcome IN ('new_case', 'linked_case')) AS cases,
             (SELECT json_object_agg(m, n) FROM (SELECT to_char(date_trunc('month', "startedAt" AT TIME ZONE 'America/Bogota'), 'YYYY-MM') m, count(*) n FROM hotline_contacts
                WHERE "startedAt" >= ($1::date + time '05:00') AT TIME ZONE 'UTC' GROUP BY 1) x) AS "perMonth"
           FROM hotline_contacts WHERE "startedAt" >= ($1::date + time '05:00') AT TIME ZONE 'UTC'`,
        ],
        params: () => [FROM],
      },
    },
  ],
};
