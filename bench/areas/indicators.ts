import type { BenchArea } from './area';

/**
 * The benchmark's indicators. The coordinator's two reads (the year's indicators, the year-so-far dashboard) are served
 * from the indicator snapshots (server/src/indicators/snapshots) that the server's job computes at start-up and every
 * INDICATOR_SNAPSHOT_SECONDS; a narrower scope or a filtered period is computed live from the areas' rows. This area
 * loads nothing; its minimal reads are the snapshot's primary-key look-up (the minimal role reads past row-level
 * security). What the job itself costs shows in `--explain` of a live read (e.g. a department filter) and in the
 * server's CPU while it runs.
 */

/** The client's indicators home and dashboard ask for the current year (the loaded cases run to late 2026). */
const YEAR = new Date().getUTCFullYear();
const SNAPSHOT = `SELECT to_char("periodFrom", 'YYYY-MM-DD') AS "periodFrom", to_char("periodTo", 'YYYY-MM-DD') AS "periodTo", data, "computedAt"
  FROM indicator_snapshots WHERE key = $1 AND "computedAt" > now() - interval '10 minutes'`;

export const indicators: BenchArea = {
  name: 'indicators',
  batchStatements: () => [],
  scenarios: [
    {
      name: 'indicators_coordinator',
      label: 'indicators of the year, coordinator',
      actor: 'coordinator',
      request: () => ({ method: 'GET', path: `/api/indicators?year=${YEAR}` }),
      minimal: { statements: [SNAPSHOT], params: () => [`indicators:${YEAR}`] },
    },
    {
      name: 'dashboard_coordinator',
      label: 'home dashboard, coordinator',
      actor: 'coordinator',
      request: () => ({ method: 'GET', path: '/api/indicators/dashboards/coordinator' }),
      minimal: { statements: [SNAPSHOT], params: () => ['dashboard:coordinator'] },
    },
  ],
};
