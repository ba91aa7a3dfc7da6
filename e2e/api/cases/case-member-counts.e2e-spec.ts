import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@ruta/platform';
import { ENTITIES } from '@ruta/server/entities';
import { MIGRATIONS } from '@ruta/migrations';
import { ACTIVE_CASE_STATUSES, CASE_STATUS, CaseStatsView } from '@ruta/shared';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

/** Every user's membership counts recomputed from scratch, as the owner: what the triggers must have kept. */
const RECOMPUTED = `WITH m AS (
    SELECT "caseId", "userId", bool_or(assigned) AS assigned FROM (
      SELECT id AS "caseId", "createdById" AS "userId", false AS assigned FROM cases
      UNION ALL SELECT "caseId", "userId", true FROM case_assignments WHERE "unassignedAt" IS NULL) x GROUP BY 1, 2)
  SELECT m."userId", c."ownerInstitutionId" AS "institutionId", c.status, count(*)::int AS total,
         (count(*) FILTER (WHERE c."minorAtIdentification"))::int AS minors, (count(*) FILTER (WHERE m.assigned))::int AS assigned
  FROM m JOIN cases c ON c.id = m."caseId" GROUP BY 1, 2, 3`;
const KEPT = `SELECT "userId", "institutionId", status, total, minors, assigned FROM case_member_counts WHERE total <> 0 OR assigned <> 0`;
const RECOMPUTED_DAYS = `WITH m AS (SELECT id AS "caseId", "createdById" AS "userId" FROM cases UNION SELECT "caseId", "userId" FROM case_assignments WHERE "unassignedAt" IS NULL)
  SELECT m."userId", c."identifiedOn"::text AS day, c.status, count(*)::int AS total FROM m JOIN cases c ON c.id = m."caseId" GROUP BY 1, 2, 3`;
const KEPT_DAYS = `SELECT "userId", "identifiedOn"::text AS day, status, total FROM case_member_days WHERE total <> 0`;

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

async function statsOf(session: ApiSession): Promise<CaseStatsView> {
  return (await session.get('/api/cases/stats').expect(200)).body;
}

describe('case stats of the assigned scope: per-user summaries kept exact by triggers', () => {
  let app: INestApplication;
  let supervisor: ApiSession;
  let caseworker: ApiSession;
  let caseworkerId: string;
  let supervisorId: string;

  beforeAll(async () => {
    app = await createTestApp();
    [supervisor, caseworker] = await Promise.all([loginAs(app, 'supervisor@oim.demo'), loginAs(app, 'caseworker@oim.demo')]);
    caseworkerId = (await caseworker.get('/api/auth/me').expect(200)).body.id;
    supervisorId = (await supervisor.get('/api/auth/me').expect(200)).body.id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('agrees with a count from scratch for every user after assignments, unassignments, transitions and a deleted assignment', async () => {
    const a = (await supervisor.post('/api/cases', newCaseRequest({ victim: { birthDate: '2011-03-02', documentType: 'tarjeta_identidad' } })).expect(201)).body.case;
    const b = (await caseworker.post('/api/cases', newCaseRequest()).expect(201)).body.case;
    await supervisor.post(`/api/cases/${a.code}/assignments`, { userId: caseworkerId }).expect(200);
    // The creator assigned to their own case: still one membership, now "assigned" too.
    await supervisor.post(`/api/cases/${a.code}/assignments`, { userId: supervisorId }).expect(200);
    await supervisor.post(`/api/cases/${b.code}/assignments`, { userId: supervisorId }).expect(200);
    const { version } = (await supervisor.get(`/api/cases/${a.code}`).expect(200)).body;
    await supervisor.post(`/api/cases/${a.code}/transitions`, { version, to: 'closed', closeReason: 'duplicate' }).expect(200);
    await supervisor.delete(`/api/cases/${b.code}/assignments/${supervisorId}`).expect(200);
    // An assignment row deleted outright (only the owner can) ends that membership as an unassignment does.
    const c = (await supervisor.post('/api/cases', newCaseRequest()).expect(201)).body.case;
    await supervisor.post(`/api/cases/${c.code}/assignments`, { userId: caseworkerId }).expect(200);
    await ownerQuery(`DELETE FROM case_assignments WHERE "caseId" = (SELECT id FROM cases WHERE code = $1)`, [c.code]);
    // A case moved to another institution takes its members' counts with it.
    await ownerQuery(`UPDATE cases SET "ownerInstitutionId" = (SELECT id FROM institutions WHERE code = 'icbf') WHERE code = $1`, [b.code]);

    expect(sorted(await ownerQuery(KEPT))).toEqual(sorted(await ownerQuery(RECOMPUTED)));
    expect(sorted(await ownerQuery(KEPT_DAYS))).toEqual(sorted(await ownerQuery(RECOMPUTED_DAYS)));
  });

  it("gives an institution's investigator her active assignments in her institution only, also for a case moved away while she still holds it", async () => {
    const investigator = await loginAs(app, 'investigator@policia.demo');
    const me = (await investigator.get('/api/auth/me').expect(200)).body;
    const live = async () => {
      const [row] = await ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases c WHERE c."ownerInstitutionId" = $2 AND c.status = ANY($3::varchar[])
           AND c.id IN (SELECT "caseId" FROM case_assignments WHERE "userId" = $1 AND "unassignedAt" IS NULL)`,
        [me.id, me.institution.id, [...ACTIVE_CASE_STATUSES]],
      );
      return row.n;
    };
    const before = (await statsOf(investigator)).assignedToMeActive;
    expect(before).toBe(await live());
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) codes.push((await investigator.post('/api/cases', newCaseRequest()).expect(201)).body.case.code);
    await ownerQuery(
      `INSERT INTO case_assignments ("caseId", "userId", "assignedById") SELECT id, $1, $1 FROM cases WHERE code = ANY($2::varchar[])`,
      [me.id, codes],
    );
    expect((await statsOf(investigator)).assignedToMeActive).toBe(before + 2);
    await ownerQuery(`UPDATE cases SET "ownerInstitutionId" = (SELECT id FROM institutions WHERE code = 'fiscalia') WHERE code = $1`, [codes[0]]);
    expect((await statsOf(investigator)).assignedToMeActive).toBe(before + 1);
    expect(before + 1).toBe(await live());
    expect(sorted(await ownerQuery(KEPT))).toEqual(sorted(await ownerQuery(RECOMPUTED)));
  });

  it("gives the caseworker the same figures as a live count of the cases they created or hold, and the list's total", async () => {
    const stats = await statsOf(caseworker);
    const rows = await ownerQuery<{ status: string; total: number; minors: number; mine: number; recent: number }>(
      `SELECT c.status, count(*)::int AS total, (count(*) FILTER (WHERE c."minorAtIdentification"))::int AS minors,
              (count(*) FILTER (WHERE c.id IN (SELECT "caseId" FROM case_assignments WHERE "userId" = $1 AND "unassignedAt" IS NULL)))::int AS mine,
              (count(*) FILTER (WHERE c."identifiedOn" >= $2::date))::int AS recent
       FROM cases c WHERE c."createdById" = $1 OR c.id IN (SELECT "caseId" FROM case_assignments WHERE "userId" = $1 AND "unassignedAt" IS NULL)
       GROUP BY c.status`,
      [caseworkerId, stats.recentSince],
    );
    const byStatus = Object.fromEntries(CASE_STATUS.values.map((s) => [s, 0]));
    for (const row of rows) byStatus[row.status] = row.total;
    const active = new Set<string>(ACTIVE_CASE_STATUSES);
    expect(stats.total).toBeGreaterThan(0);
    expect(stats).toMatchObject({
      total: rows.reduce((n, r) => n + r.total, 0),
      byStatus,
      minors: rows.reduce((n, r) => n + r.minors, 0),
      identifiedRecently: rows.reduce((n, r) => n + r.recent, 0),
    });
    expect(stats.assignedToMeActive).toBe(rows.filter((r) => active.has(r.status)).reduce((n, r) => n + r.mine, 0));
    const list = (await caseworker.post('/api/cases/search', {}).expect(200)).body;
    expect(list.total).toEqual({ count: stats.total, more: false });
    const closedOnly = (await caseworker.post('/api/cases/search', { status: ['closed'] }).expect(200)).body;
    expect(closedOnly.total?.count ?? 0).toBe(byStatus.closed);
  });

  it('goes back to one row per user and status on the way down (migration 1764406400000), recounted, and forward again', async () => {
    const source = new DataSource(dataSourceOptions(process.env.RUTA_TEST_OWNER_URL!, { poolSize: 1, applicationName: 'ruta-member-counts', entities: ENTITIES }));
    await source.initialize();
    const runner = source.createQueryRunner();
    try {
      const migration = new (MIGRATIONS.find((m) => m.name === 'MemberCountsByInstitution1764406400000')!)();
      // As the migration runner does: each migration in a transaction of its own.
      const inTransaction = async (step: (r: typeof runner) => Promise<void>) => {
        await runner.startTransaction();
        await step(runner);
        await runner.commitTransaction();
      };
      await inTransaction((r) => migration.down(r));
      const withoutInstitution = (rows: Record<string, unknown>[]) => {
        const byKey = new Map<string, { userId: unknown; status: unknown; total: number; minors: number; assigned: number }>();
        for (const r of rows) {
          const key = `${r.userId}/${r.status}`;
          const entry = byKey.get(key) ?? { userId: r.userId, status: r.status, total: 0, minors: 0, assigned: 0 };
          entry.total += Number(r.total);
          entry.minors += Number(r.minors);
          entry.assigned += Number(r.assigned);
          byKey.set(key, entry);
        }
        return sorted([...byKey.values()]);
      };
      const recomputed = await ownerQuery(RECOMPUTED);
      expect(sorted(await ownerQuery(`SELECT "userId", status, total, minors, assigned FROM case_member_counts WHERE total <> 0 OR assigned <> 0`))).toEqual(
        withoutInstitution(recomputed),
      );
      // The triggers of the way down keep the old shape: a new case counts for its creator.
      await caseworker.post('/api/cases', newCaseRequest()).expect(201);
      await inTransaction((r) => migration.up(r));
      expect(sorted(await ownerQuery(KEPT))).toEqual(sorted(await ownerQuery(RECOMPUTED)));
    } finally {
      await runner.release();
      await source.destroy();
    }
  });
});
