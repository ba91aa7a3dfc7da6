import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Client } from 'pg';
import { AnnualReport, IndicatorsView, RoleDashboard, SESSION_COOKIE } from '@ruta/shared';
import { IndicatorSnapshotJob, INDICATOR_SNAPSHOT_LOCK } from '@ruta/indicators';
import { asAppRole, sessionOf, sessionWithRole } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });
const YEAR = Number(today.slice(0, 4));
const identified = (view: IndicatorsView) => view.indicators.find((i) => i.key === 'victims_identified')!.value;

/**
 * The indicator snapshots (issue 15): the whole centre's figures of this year and last year and the coordinator's
 * dashboard, kept by a job and served labelled with their time to readers who see every row; equal to what a live read
 * answers, never served stale beyond twice the interval or to a narrower scope, written by one instance at a time,
 * readable only by all-case scopes with indicators:read.
 */
describe('indicator snapshots', () => {
  let app: INestApplication;
  let job: IndicatorSnapshotJob;
  let coordinator: ApiSession;
  let police: ApiSession;

  /** A GET with a raw session token (users made for the test have no password to log in with). */
  const getWith = (token: string, url: string) => request(app.getHttpServer()).get(url).set('Cookie', `${SESSION_COOKIE}=${token}`);

  beforeAll(async () => {
    app = await createTestApp({ INDICATOR_SNAPSHOT_SECONDS: '3600', REFERRAL_DEADLINE_CHECK_SECONDS: '0', RUTA_EXPORT_JOB: 'off' });
    job = app.get(IndicatorSnapshotJob);
    coordinator = await loginAs(app, 'coordinator@mininterior.demo');
    police = await loginAs(app, 'investigator@policia.demo');
    // The start-up run (if still going, this joins it).
    await job.runOnce();
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('serves the year, the annual report and the dashboard from the snapshot, equal to a live read', async () => {
    const served: IndicatorsView = (await coordinator.get(`/api/indicators?year=${YEAR}`).expect(200)).body;
    const report: AnnualReport = (await coordinator.get(`/api/indicators/annual-report?year=${YEAR}`).expect(200)).body;
    const dashboard: RoleDashboard = (await coordinator.get('/api/indicators/dashboards/coordinator').expect(200)).body;
    expect(served.asOf).not.toBeNull();
    expect(report.asOf).toBe(served.asOf);
    expect(dashboard.asOf).not.toBeNull();
    expect(identified(served)).toBeGreaterThan(0);

    // Without the snapshots the same requests are computed for the request: the same figures, no time label.
    await ownerQuery(`DELETE FROM indicator_snapshots`);
    const live: IndicatorsView = (await coordinator.get(`/api/indicators?year=${YEAR}`).expect(200)).body;
    const liveReport: AnnualReport = (await coordinator.get(`/api/indicators/annual-report?year=${YEAR}`).expect(200)).body;
    const liveDashboard: RoleDashboard = (await coordinator.get('/api/indicators/dashboards/coordinator').expect(200)).body;
    expect(live.asOf).toBeNull();
    expect(served.indicators).toEqual(live.indicators);
    expect({ ...report, asOf: null }).toEqual(liveReport);
    expect({ ...dashboard, asOf: null }).toEqual(liveDashboard);
    expect(liveDashboard.figures.find((f) => f.key === 'victims_assisted')).toBeDefined();
    await job.runOnce();
  });

  it('keeps serving the snapshot, with its time, until the job runs again; then counts the new case', async () => {
    const before: IndicatorsView = (await coordinator.get(`/api/indicators?year=${YEAR}`).expect(200)).body;
    const created = await police.post('/api/cases', newCaseRequest({ case: { identifiedOn: `${YEAR}-01-15` }, screening: { screenedOn: `${YEAR}-01-15` } }));
    expect(created.status).toBe(201);
    const still: IndicatorsView = (await coordinator.get(`/api/indicators?year=${YEAR}`).expect(200)).body;
    expect(still.asOf).toBe(before.asOf);
    expect(identified(still)).toBe(identified(before));

    const run = await job.runOnce();
    expect(run).toEqual({ ran: true, keys: [`indicators:${YEAR}`, `indicators:${YEAR - 1}`, 'dashboard:coordinator'] });
    const after: IndicatorsView = (await coordinator.get(`/api/indicators?year=${YEAR}`).expect(200)).body;
    expect(identified(after)).toBe(identified(before)! + 1);
    expect(new Date(after.asOf!).getTime()).toBeGreaterThan(new Date(before.asOf!).getTime());
    // The read is audited with the time of the figures it was given.
    const [event] = await ownerQuery<{ details: { asOf: string | null } }>(
      `SELECT details FROM audit_events WHERE "entityType" = 'indicators' AND details->>'section' = 'indicators' ORDER BY "occurredAt" DESC, id DESC LIMIT 1`,
    );
    expect(event.details.asOf).toBe(after.asOf);
  });

  it('computes live when the snapshot is older than twice the interval, or the dashboard is of another day', async () => {
    await ownerQuery(`UPDATE indicator_snapshots SET "computedAt" = now() - interval '2 hours 1 minute' WHERE key = $1`, [`indicators:${YEAR}`]);
    expect((await coordinator.get(`/api/indicators?year=${YEAR}`).expect(200)).body.asOf).toBeNull();
    await ownerQuery(`UPDATE indicator_snapshots SET "periodTo" = "periodTo" - 1 WHERE key = 'dashboard:coordinator'`);
    expect((await coordinator.get('/api/indicators/dashboards/coordinator').expect(200)).body.asOf).toBeNull();
    // A period other than a whole year, or a filter, is computed live too.
    expect((await coordinator.get(`/api/indicators?from=${YEAR - 1}-01-01&to=${YEAR - 1}-06-30`).expect(200)).body.asOf).toBeNull();
    const oim = (await ownerQuery<{ id: string }>(`SELECT id FROM institutions WHERE code = 'oim'`))[0].id;
    expect((await coordinator.get(`/api/indicators?year=${YEAR - 1}&institutionId=${oim}`).expect(200)).body.asOf).toBeNull();
    expect((await coordinator.get(`/api/indicators?year=${YEAR - 1}`).expect(200)).body.asOf).not.toBeNull();
    await job.runOnce();
  });

  it('gives a narrower scope, or a reader without every area, live figures of its own scope', async () => {
    const centre = identified((await coordinator.get(`/api/indicators?year=${YEAR}`).expect(200)).body)!;
    const areas = ['indicators:read', 'cases:read', 'referrals:read', 'assistance:read', 'proceedings:read', 'hotline:read'];
    const institutional = await sessionWithRole({ institution: 'policia', scope: 'institution', permissions: areas });
    const own: IndicatorsView = (await getWith(institutional.token, `/api/indicators?year=${YEAR}`).expect(200)).body;
    expect(own.asOf).toBeNull();
    const [{ n }] = await ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases c JOIN institutions i ON i.id = c."ownerInstitutionId"
       WHERE i.code = 'policia' AND c."identifiedOn" BETWEEN $1 AND $2 AND c."traffickingStatus" <> 'ruled_out'`,
      [`${YEAR}-01-01`, `${YEAR}-12-31`],
    );
    expect(identified(own)).toBe(n);
    expect(n).toBeLessThan(centre);
    const noHotline = await sessionWithRole({ institution: 'mininterior', scope: 'all', permissions: areas.filter((p) => p !== 'hotline:read') });
    expect((await getWith(noHotline.token, `/api/indicators?year=${YEAR}`).expect(200)).body.asOf).toBeNull();
  });

  it('lets only all-case scopes with indicators:read see the rows, and only the system write them', async () => {
    const count = (token: string) => asAppRole(token, async (c) => (await c.query(`SELECT count(*)::int AS n FROM indicator_snapshots`)).rows[0].n);
    expect(await count(await sessionOf('coordinator@mininterior.demo'))).toBe(3);
    expect(await count(await sessionOf('investigator@policia.demo'))).toBe(0);
    expect(await count((await sessionWithRole({ institution: 'policia', scope: 'institution', permissions: ['indicators:read'] })).token)).toBe(0);
    const write = asAppRole(await sessionOf('coordinator@mininterior.demo'), (c) =>
      c.query(`UPDATE indicator_snapshots SET data = '{}' WHERE key = 'dashboard:coordinator'`).then((r) => r.rowCount),
    );
    expect(await write).toBe(0);
    await expect(
      asAppRole(await sessionOf('coordinator@mininterior.demo'), (c) =>
        c.query(`INSERT INTO indicator_snapshots (key, "periodFrom", "periodTo", data, "computedAt", "tookMs") VALUES ('x', now(), now(), '{}', now(), 0)`),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(asAppRole(await sessionOf('coordinator@mininterior.demo'), (c) => c.query(`DELETE FROM indicator_snapshots`))).rejects.toThrow(/permission denied/);
  });

  it('runs in one instance at a time: with the lock held elsewhere, a run does nothing', async () => {
    const other = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock($1)`, [INDICATOR_SNAPSHOT_LOCK]);
      expect(await job.runOnce()).toEqual({ ran: false, keys: [] });
      // Joined, not doubled: two calls at once are one run.
      await other.query(`SELECT pg_advisory_unlock($1)`, [INDICATOR_SNAPSHOT_LOCK]);
      const [a, b] = [job.runOnce(), job.runOnce()];
      expect(a).toBe(b);
      expect((await a).ran).toBe(true);
    } finally {
      await other.end();
    }
  });

  it('lets a run in progress finish before the connection pools close at shutdown', async () => {
    let settled = false;
    const run = job.runOnce();
    void run.finally(() => (settled = true));
    await job.beforeApplicationShutdown();
    expect(settled).toBe(true);
    expect((await run).ran).toBe(true);
  });
});
