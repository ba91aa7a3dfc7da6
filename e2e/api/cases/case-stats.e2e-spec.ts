import { INestApplication } from '@nestjs/common';
import { CASE_STATUS, CaseStatsView } from '@ruta/shared';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

interface Expected {
  total: number;
  byStatus: Record<string, number>;
  minors: number;
}

/** The counts computed straight from the table as the owner (past row-level security), for one institution or all. */
async function countsOf(institutionCode?: string): Promise<Expected> {
  const rows = await ownerQuery<{ status: string; total: number; minors: number }>(
    `SELECT c.status, count(*)::int AS total, (count(*) FILTER (WHERE c."minorAtIdentification"))::int AS minors
       FROM cases c JOIN institutions i ON i.id = c."ownerInstitutionId"
      WHERE $1::text IS NULL OR i.code = $1 GROUP BY c.status`,
    [institutionCode ?? null],
  );
  const byStatus = Object.fromEntries(CASE_STATUS.values.map((s) => [s, 0]));
  for (const row of rows) byStatus[row.status] = row.total;
  return { total: rows.reduce((n, r) => n + r.total, 0), byStatus, minors: rows.reduce((n, r) => n + r.minors, 0) };
}

async function statsOf(session: ApiSession): Promise<CaseStatsView> {
  return (await session.get('/api/cases/stats').expect(200)).body;
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe('case stats: dashboard counts within the record scope', () => {
  let app: INestApplication;
  let police: ApiSession;
  let das: ApiSession;
  let coordinator: ApiSession;

  beforeAll(async () => {
    app = await createTestApp();
    [police, das, coordinator] = await Promise.all([
      loginAs(app, 'investigator@policia.demo'),
      loginAs(app, 'investigator@das.demo'),
      loginAs(app, 'coordinator@mininterior.demo'),
    ]);
    // Cases for both institutions, one of them a minor's, and more for the police (the demo seed gives both as many).
    await police.post('/api/cases', newCaseRequest({ victim: { birthDate: '2012-05-01', documentType: 'tarjeta_identidad' } })).expect(201);
    await police.post('/api/cases', newCaseRequest()).expect(201);
    await das.post('/api/cases', newCaseRequest()).expect(201);
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts exactly the police-owned cases for the police investigator, by status and minors', async () => {
    const stats = await statsOf(police);
    const expected = await countsOf('policia');
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.minors).toBeGreaterThan(0);
    expect(stats).toMatchObject(expected);
    expect(Object.keys(stats.byStatus).sort()).toEqual([...CASE_STATUS.values].sort());
  });

  it('gives the DAS investigator the DAS cases only, which exclude police cases', async () => {
    const [stats, policeStats, all] = await Promise.all([statsOf(das), statsOf(police), countsOf()]);
    expect(stats).toMatchObject(await countsOf('das'));
    expect(stats.total).not.toBe(policeStats.total);
    expect(stats.total + policeStats.total).toBeLessThanOrEqual(all.total);
  });

  it('counts a new police case for the police, not for DAS, and as identified recently', async () => {
    const [policeBefore, dasBefore] = await Promise.all([statsOf(police), statsOf(das)]);
    await police.post('/api/cases', newCaseRequest({ case: { identifiedOn: today() } })).expect(201);
    const [policeAfter, dasAfter] = await Promise.all([statsOf(police), statsOf(das)]);
    expect(policeAfter.total).toBe(policeBefore.total + 1);
    expect(policeAfter.byStatus.received).toBe(policeBefore.byStatus.received + 1);
    expect(policeAfter.identifiedRecently).toBe(policeBefore.identifiedRecently + 1);
    expect(dasAfter).toEqual(dasBefore);
  });

  it('counts recent identifications from a 30-day window ending today', async () => {
    const stats = await statsOf(police);
    const since = new Date(`${today()}T00:00:00Z`);
    since.setUTCDate(since.getUTCDate() - 29);
    expect(stats.recentSince).toBe(since.toISOString().slice(0, 10));
    const [{ n }] = await ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases c JOIN institutions i ON i.id = c."ownerInstitutionId" WHERE i.code = 'policia' AND c."identifiedOn" >= $1`,
      [stats.recentSince],
    );
    expect(stats.identifiedRecently).toBe(n);
  });

  it('shows the coordinator (all, pseudonymised) the counts of every case and nothing else', async () => {
    const response = await coordinator.get('/api/cases/stats').expect(200);
    expect(response.body).toMatchObject(await countsOf());
    expect(Object.keys(response.body).sort()).toEqual(['assignedToMeActive', 'byStatus', 'identifiedRecently', 'minors', 'recentSince', 'total']);
    expect(JSON.stringify(response.body)).not.toMatch(/RT-\d{4}|Prueba|Ficticia/);
  });

  it('counts active cases assigned to me, and drops one once it is closed', async () => {
    const supervisor = await loginAs(app, 'supervisor@oim.demo');
    const caseworker = await loginAs(app, 'caseworker@oim.demo');
    const before = await statsOf(caseworker);
    const created = (await supervisor.post('/api/cases', newCaseRequest()).expect(201)).body.case;
    const caseworkerId = (await caseworker.get('/api/auth/me').expect(200)).body.id;
    await supervisor.post(`/api/cases/${created.code}/assignments`, { userId: caseworkerId }).expect(200);
    const assigned = await statsOf(caseworker);
    expect(assigned.total).toBe(before.total + 1);
    expect(assigned.assignedToMeActive).toBe(before.assignedToMeActive + 1);
    expect((await statsOf(supervisor)).assignedToMeActive).toBe(0);
    const { version } = (await supervisor.get(`/api/cases/${created.code}`).expect(200)).body;
    await supervisor.post(`/api/cases/${created.code}/transitions`, { version, to: 'closed', closeReason: 'duplicate' }).expect(200);
    const closed = await statsOf(caseworker);
    expect(closed.assignedToMeActive).toBe(before.assignedToMeActive);
    expect(closed.byStatus.closed).toBe(before.byStatus.closed + 1);
  });

  it('refuses roles without cases:read', async () => {
    const admin = await loginAs(app, 'admin@mininterior.demo');
    const response = await admin.get('/api/cases/stats').expect(403);
    expect(response.body.code).toBe('forbidden');
  });

  it('audits one read of case_stats per request, without personal data', async () => {
    const countEvents = () => ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE "entityType" = 'case_stats' AND action = 'read'`);
    const [before] = await countEvents();
    await police.get('/api/cases/stats').expect(200);
    const [after] = await countEvents();
    expect(after.n - before.n).toBe(1);
    const [event] = await ownerQuery<{ entityId: string | null; details: Record<string, unknown>; actorRole: string }>(
      `SELECT "entityId", details, "actorRole" FROM audit_events WHERE "entityType" = 'case_stats' ORDER BY "occurredAt" DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ entityId: null, actorRole: 'investigator' });
    expect(Object.keys(event.details).sort()).toEqual(['scope', 'total']);
  });
});
