import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ACTIVE_CASE_STATUSES } from '@ruta/shared';
import { dataSourceOptions } from '@ruta/platform';
import { caseScopeCondition } from '@ruta/server/cases/core/case-scope';
import { CaseStatsRepository } from '@ruta/server/cases/core/case-stats.repository';
import { ENTITIES } from '@ruta/server/entities';
import { MIGRATIONS } from '@ruta/migrations';
import { asAppRole, sessionOf } from '../../support/app-role';
import { cloneTestDatabase } from '../../support/test-database';

/**
 * Issue 15: the child tables' row-level security without a function call per row (migration
 * 1764404700000-ScaleIndexes). On a clone of the seeded database with 20,000 more cases and their victims, ANALYZEd, every
 * table that refers to a case is read as the application role under a real session, and EXPLAINed: the case check is
 * an index probe of the case's id (the primary key or IDX_cases_scope_counts) under the cases policies, the context is read once per statement, and no
 * plan calls `ruta_case_visible()` for its rows.
 */
jest.setTimeout(120_000);

const ROWS = 20_000;
/** A probe of a case by id: its primary key, or the covering index of its id that spares the heap visit. */
const CASE_ID_INDEXES = ['PK_cases', 'IDX_cases_scope_counts'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

describe('row-level security of the child tables at scale (EXPLAIN)', () => {
  let owner: Client;
  /** Builds the repositories' SQL (never runs it). */
  let statsSource: DataSource;
  /** Every table with a "caseId" column and row-level security, with one case id it holds rows for (or any case). */
  let tables: { table: string; column: string }[];
  let caseIds: string[];

  beforeAll(async () => {
    const { ownerUrl, appUrl } = await cloneTestDatabase();
    process.env.RUTA_TEST_OWNER_URL = ownerUrl;
    process.env.RUTA_TEST_APP_URL = appUrl;
    owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    statsSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 1, applicationName: 'ruta-scale-policies', entities: ENTITIES }));
    await statsSource.initialize();
    await owner.query(
      `INSERT INTO cases (id, code, "ownerInstitutionId", "createdById", source, scope, "identifiedOn", status, purposes, "createdAt", "updatedAt", version)
       SELECT gen_random_uuid(), 'SP-2026-' || lpad(g::text, 6, '0'), u."institutionId", u.id, 'hotline', 'internal', date '2026-01-01' - (g % 700),
         (ARRAY['received','screening','immediate_assistance','follow_up','closed'])[1 + g % 5], ARRAY['forced_labour'],
         now() - g * interval '17 minutes', now() - g * interval '11 minutes', 1
       FROM generate_series(1, ${ROWS}) g
       JOIN (SELECT id, "institutionId", row_number() OVER (ORDER BY email) - 1 AS n, count(*) OVER () AS total FROM users WHERE email <> 'caseworker@oim.demo') u
         ON u.n = g % u.total`,
    );
    // The caseworker (assigned scope) works 1,000 of them, 200 of those assignments ended.
    await owner.query(
      `INSERT INTO case_assignments ("caseId", "userId", "assignedById", "assignedAt", "unassignedAt")
       SELECT c.id, u.id, u.id, now(), CASE WHEN c.n % 5 = 0 THEN now() END
       FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM cases WHERE code LIKE 'SP-2026-%') c, users u
       WHERE u.email = 'caseworker@oim.demo' AND c.n <= 1000`,
    );
    await owner.query(
      `INSERT INTO victims ("caseId", "givenNames", "familyNames", sex, "birthDate", "documentNumber")
       SELECT c.id, 'Nombre ' || n, 'Apellido ' || n, 'female', date '1980-01-01' + (n % 9000)::int, (60000000 + n)::text
       FROM (SELECT id, row_number() OVER () AS n FROM cases WHERE code LIKE 'SP-2026-%') c`,
    );
    // As autovacuum leaves a settled table: statistics, and the visibility map that index-only scans rely on.
    await owner.query('VACUUM ANALYZE');
    const { rows } = await owner.query<{ table: string; column: string }>(
      `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
         JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace AND t.relkind = 'r' AND t.relrowsecurity
        WHERE c.table_schema = 'public' AND c.column_name IN ('caseId', 'requestingCaseId') ORDER BY 1`,
    );
    tables = rows;
    caseIds = (
      await owner.query<{ id: string }>(
        `SELECT c.id FROM cases c JOIN users u ON u.id = c."createdById" WHERE u.email = 'investigator@policia.demo' ORDER BY c.code LIMIT 25`,
      )
    ).rows.map((r) => r.id);
  }, 120_000);

  afterAll(async () => {
    await statsSource?.destroy();
    await owner?.end();
  });

  it('has no policy left that calls ruta_case_visible() or reads the context per row', async () => {
    const { rows } = await owner.query<{ policy: string; sql: string }>(
      `SELECT tablename || '.' || policyname AS policy, coalesce(qual, '') || ' ' || coalesce(with_check, '') AS sql FROM pg_policies WHERE schemaname = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => /ruta_case_visible\(/.test(r.sql)).map((r) => r.policy)).toEqual([]);
    expect(rows.filter((r) => /(?<!SELECT )\bruta_ctx_\w+\(/.test(r.sql)).map((r) => r.policy)).toEqual([]);
  });

  it('reads every table that refers to a case with an index probe of the case id, never a function call per row', async () => {
    expect(tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(['victims', 'case_notes', 'consents', 'case_assignments', 'trafficking_events']),
    );
    const token = await sessionOf('investigator@policia.demo');
    const plans = await asAppRole(token, async (client) => {
      const found: Record<string, PlanNode[]> = {};
      for (const { table, column } of tables) {
        const {
          rows: [
            {
              'QUERY PLAN': [plan],
            },
          ],
        } = await client.query(`EXPLAIN (VERBOSE, FORMAT JSON) SELECT * FROM "${table}" WHERE "${column}" = ANY($1::uuid[])`, [caseIds]);
        found[table] = nodes(plan.Plan);
      }
      return found;
    });
    const probes: string[] = [];
    for (const [table, plan] of Object.entries(plans)) {
      const text = JSON.stringify(plan);
      expect({ table, calls: text.includes('ruta_case_visible(') }).toEqual({ table, calls: false });
      expect({ table, seqScans: plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'cases').length }).toEqual({
        table,
        seqScans: 0,
      });
      if (plan.some((n) => n.Alias === 'ruta_vc' && /Index/.test(n['Node Type']) && CASE_ID_INDEXES.includes(n['Index Name'] ?? '')))
        probes.push(table);
    }
    // The tables whose policy follows the case probe it on its primary key (victims, notes, consents, ...).
    expect(probes).toEqual(expect.arrayContaining(['victims', 'case_notes', 'consents', 'case_assignments', 'trafficking_events']));
  });

  it('reads the victims of a list page with the scope once per statement and one case-id index probe per row', async () => {
    const token = await sessionOf('investigator@policia.demo');
    const { plan, names } = await asAppRole(token, async (client) => {
      const sql = `SELECT v."caseId", v."givenNames", v."familyNames" FROM victims v WHERE v."caseId" = ANY($1::uuid[])`;
      const {
        rows: [
          {
            'QUERY PLAN': [explained],
          },
        ],
      } = await client.query(`EXPLAIN (VERBOSE, FORMAT JSON) ${sql}`, [caseIds]);
      return { plan: nodes(explained.Plan), names: (await client.query(sql, [caseIds])).rowCount };
    });
    // Row-level security still decides: the investigator's own cases, every one with its victim.
    expect(names).toBe(caseIds.length);
    expect(plan.filter((n) => n['Node Type'] === 'Seq Scan' && ['victims', 'cases'].includes(n['Relation Name'] ?? ''))).toEqual([]);
    expect(plan.some((n) => n['Parent Relationship'] === 'InitPlan' && /ruta_ctx_scope/.test(JSON.stringify(n)))).toBe(true);
    expect(plan.some((n) => n.Alias === 'ruta_vc' && CASE_ID_INDEXES.includes(n['Index Name'] ?? ''))).toBe(true);
  });

  it("counts the caseworker's home figures index-only: live assignments and the cases' columns from their indexes", async () => {
    const [{ id: userId, institutionId }] = (
      await owner.query<{ id: string; institutionId: string }>(`SELECT id, "institutionId" FROM users WHERE email = 'caseworker@oim.demo'`)
    ).rows;
    // The repository's own SQL for the assigned scope, without the application around it.
    const repository = Object.create(CaseStatsRepository.prototype) as CaseStatsRepository;
    Object.defineProperty(repository, 'manager', { get: () => statsSource.manager });
    const [sql, params] = repository
      .build({
        scope: caseScopeCondition({ userId, institutionId, scope: 'assigned' }),
        userId,
        since: '2025-12-01',
        activeStatuses: ACTIVE_CASE_STATUSES,
      })
      .getQueryAndParameters();
    const token = await sessionOf('caseworker@oim.demo');
    const { plan, counted } = await asAppRole(token, async (client) => {
      const {
        rows: [
          {
            'QUERY PLAN': [explained],
          },
        ],
      } = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      const { rows } = await client.query<{ status: string; total: number }>(sql, params);
      return { plan: nodes(explained.Plan), counted: Object.fromEntries(rows.map((r) => [r.status, r.total])) };
    });
    const { rows: expected } = await owner.query<{ status: string; total: number }>(
      `SELECT status, count(*)::int AS total FROM cases WHERE "createdById" = $1
          OR id IN (SELECT "caseId" FROM case_assignments WHERE "userId" = $1 AND "unassignedAt" IS NULL) GROUP BY status`,
      [userId],
    );
    expect(counted).toEqual(Object.fromEntries(expected.map((r) => [r.status, r.total])));
    expect(expected.reduce((sum, r) => sum + r.total, 0)).toBeGreaterThanOrEqual(800);
    const indexOnly = plan.filter((n) => n['Node Type'] === 'Index Only Scan').map((n) => n['Index Name']);
    expect(indexOnly).toEqual(expect.arrayContaining(['IDX_cases_scope_counts', 'IDX_case_assignments_user_live']));
    expect(plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'case_assignments')).toEqual([]);
  });

  it('checks the case scope before a referral\u2019s share (migration 1764406200000): no share look-up for rows in scope; down splits the policies again, up joins them', async () => {
    const shared = ['victims', 'trafficking_events', 'case_documents'];
    // Function calls counted in the reading transaction itself (pg_stat_get_xact_function_calls), for new connections.
    await owner.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET track_functions = %L', current_database(), 'all'); END $$`);
    const token = await sessionOf('investigator@policia.demo');
    // The victims of her institution's cases: in her scope (institution), so the share is never the question.
    const ours = (
      await owner.query<{ id: string }>(
        `SELECT c.id FROM cases c JOIN users u ON u."institutionId" = c."ownerInstitutionId" WHERE u.email = 'investigator@policia.demo'`,
      )
    ).rows.map((r) => r.id);
    const read = () =>
      asAppRole(token, async (client) => {
        const victims = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM victims WHERE "caseId" = ANY($1::uuid[])`, [ours])).rows[0].n;
        const calls = await client.query<{ n: number }>(`SELECT coalesce(pg_stat_get_xact_function_calls('ruta_referral_shares(uuid, text)'::regprocedure), 0)::int AS n`);
        return { victims, shareCalls: calls.rows[0].n };
      });
    const policies = async () =>
      (
        await owner.query<{ tablename: string; policyname: string; qual: string }>(
          `SELECT tablename, policyname, qual FROM pg_policies WHERE schemaname = 'public' AND cmd = 'SELECT' AND permissive = 'PERMISSIVE' AND 'ruta_app' = ANY(roles) AND tablename = ANY($1) ORDER BY 1, 2`,
          [shared],
        )
      ).rows;

    const joined = await policies();
    expect(joined.map((p) => p.policyname)).toEqual(['case_documents_select', 'trafficking_events_select', 'victims_select']);
    for (const { qual } of joined) expect(qual.indexOf("<> 'referred'")).toBeLessThan(qual.search(/ruta_referral_shares(_document)?\(/));
    const fast = await read();
    expect(fast.victims).toBeGreaterThan(ROWS / 50);
    expect(fast.victims).toBeLessThanOrEqual(ours.length);
    expect(fast.shareCalls).toBe(0);

    const runner = statsSource.createQueryRunner();
    try {
      const migration = new (MIGRATIONS.find((m) => m.name === 'ReferralSharingLast1764406200000')!)();
      await migration.down(runner);
      expect((await policies()).map((p) => p.policyname)).toEqual([
        'case_documents_select',
        'case_documents_select_referral',
        'trafficking_events_select',
        'trafficking_events_select_referral',
        'victims_select',
        'victims_select_referral',
      ]);
      // Two policies, as before the migration: PostgreSQL asked the referrals first, for every row.
      const split = await read();
      expect(split.victims).toBe(fast.victims);
      expect(split.shareCalls).toBeGreaterThanOrEqual(fast.victims);
      await migration.up(runner);
      expect(await policies()).toEqual(joined);
      expect(await read()).toEqual(fast);
    } finally {
      await runner.release();
    }
  });

  it('puts the function calls back on the way down, and takes them out again on the way up', async () => {
    const calls = async () =>
      Number(
        (
          await owner.query(
            `SELECT sum((length(coalesce(qual, '') || coalesce(with_check, '')) - length(replace(coalesce(qual, '') || coalesce(with_check, ''), 'ruta_case_visible(', ''))) / length('ruta_case_visible('))::int AS n
               FROM pg_policies WHERE schemaname = 'public'`,
          )
        ).rows[0].n,
      );
    const runner = statsSource.createQueryRunner();
    try {
      const Migration = MIGRATIONS.find((m) => m.name === 'ScaleIndexes1764404700000')!;
      const migration = new Migration();
      await migration.down(runner);
      const restored = await calls();
      expect(restored).toBeGreaterThan(40);
      await migration.up(runner);
      expect(await calls()).toBe(0);
    } finally {
      await runner.release();
    }
  });
});
