import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_ROLE } from '@ruta/migrations';
import { WORKLIST_KINDS } from '@ruta/shared';
import { caseScopeCondition } from '@ruta/server/cases/core/case-scope';
import { MY_DAY_SQL } from '@ruta/server/assistance/my-day/my-day.repository';
import { dataSourceOptions } from '@ruta/platform';
import { ENTITIES } from '@ruta/server/entities';
import { runMigrations } from '@ruta/server/platform/database/prepare-database';
import { TransactionRunner } from '@ruta/server/platform/database/transaction-runner';

/**
 * "My day" at scale: a database of its own with 200,000 synthetic cases over eight institutions (RUTA_SCALE_CASES=1000000
 * for the full size; about 110 s on a quiet machine, too long for every run of the suite), the
 * assistance rows of a busy year (follow-ups, risk assessments, plans and services, the phase timers of every case in
 * an assistance phase, the closure requests of every closed case and some pending, alerts), VACUUM ANALYZEd, and the exact statements MyDayRepository builds
 * (MY_DAY_SQL) EXPLAINed as the application role under row-level security, for a caseworker (assigned scope) and a
 * supervisor (her institution's eighth of the cases). No plan may read a whole table: every case is reached through the
 * scope's indexes and every assistance row through its case's index.
 */
jest.setTimeout(900_000);

const CASES = Number(process.env.RUTA_SCALE_CASES ?? 200_000);
/** The tables a statement must never scan whole. */
const BIG_TABLES = ['cases', 'case_assignments', 'assistance_follow_ups', 'risk_assessments', 'assistance_services', 'assistance_phase_timers', 'assistance_closure_requests', 'assistance_alerts'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

describe(`assistance: "my day" counts and lists use indexes at ${CASES.toLocaleString('en')} cases (EXPLAIN)`, () => {
  const name = `ruta_myday_${Date.now().toString(36)}_${process.pid}`;
  let adminUrl: URL;
  let dataSource: DataSource;
  let runner: TransactionRunner;
  /** The bulk load's own connection. */
  let loader: Client | undefined;
  const actors: Record<'caseworker' | 'supervisor', { userId: string; institutionId: string; scope: 'assigned' | 'institution'; token: string }> = {
    caseworker: { userId: '', institutionId: '', scope: 'assigned', token: randomBytes(32).toString('hex') },
    supervisor: { userId: '', institutionId: '', scope: 'institution', token: randomBytes(32).toString('hex') },
  };
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });

  beforeAll(async () => {
    adminUrl = new URL(process.env.RUTA_TEST_OWNER_URL!);
    adminUrl.pathname = '/postgres';
    const admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(process.env.RUTA_TEST_OWNER_URL!);
    url.pathname = `/${name}`;
    await runMigrations(url.toString());
    dataSource = new DataSource(dataSourceOptions(url.toString(), { poolSize: 2, applicationName: 'ruta-my-day-scale', entities: ENTITIES }));
    await dataSource.initialize();
    // The bulk load on one connection of its own, without per-row triggers (foreign-key checks, the case counter) when
    // the owner may skip them: the rows are generated consistent, and triggers are not what is measured.
    const bulk = new Client({ connectionString: url.toString() });
    loader = bulk;
    bulk.on('error', () => undefined);
    await bulk.connect();
    await bulk.query(`SET session_replication_role = replica`).catch(() => undefined);
    const q = async (sql: string, params: unknown[] = []) => (await bulk.query(sql, params)).rows;
    await q(`INSERT INTO institutions (code, name, type, version) SELECT 'inst' || i, 'Institución ' || i, 'ngo', 1 FROM generate_series(1, 8) i`);
    await q(
      `INSERT INTO roles (code, "nameEs", "nameEn", scope, permissions, version) VALUES
         ('perf_caseworker', 'Perf', 'Perf', 'assigned', '{cases:read,assistance:read,assistance:manage}', 1),
         ('perf_supervisor', 'Perf', 'Perf', 'institution', '{cases:read,assistance:read,assistance:manage,assistance:approve}', 1)`,
    );
    // One supervisor per institution (who created its cases) and one caseworker in the first.
    await q(
      `INSERT INTO users (email, name, "institutionId", "roleId", "passwordHash", version)
       SELECT 'sup.' || i.code || '@perf.demo', 'Supervisión ' || i.code, i.id, r.id, 'x', 1 FROM institutions i, roles r WHERE r.code = 'perf_supervisor'
       UNION ALL
       SELECT 'caseworker@perf.demo', 'Caseworker', i.id, r.id, 'x', 1 FROM institutions i, roles r WHERE r.code = 'perf_caseworker' AND i.code = 'inst1'`,
    );
    await q(
      `INSERT INTO cases (id, code, "ownerInstitutionId", "createdById", source, scope, "identifiedOn", status, purposes, "statusChangedAt", "createdAt", "updatedAt", version)
       SELECT gen_random_uuid(), 'RT-' || lpad(g::text, 7, '0'), u."institutionId", u.id, 'hotline', 'internal', date '2026-01-01' - (g % 700),
         (ARRAY['received','screening','ruled_out','immediate_assistance','medium_term_assistance','follow_up','closed','suspended'])[1 + (g / 8) % 8],
         ARRAY['forced_labour'], now() - (g % 400) * interval '1 day', now() - g * interval '31 seconds', now() - g * interval '17 seconds', 1
       FROM generate_series(1, ${CASES}) g
       JOIN (SELECT id, "institutionId", row_number() OVER (ORDER BY email) - 1 AS n FROM users WHERE email LIKE 'sup.%') u ON u.n = g % 8`,
    );
    // The caseworker created 1,500 cases of her institution and is assigned 1,500 more (300 of those assignments ended).
    await q(`UPDATE cases SET "createdById" = (SELECT id FROM users WHERE email = 'caseworker@perf.demo') WHERE code IN (SELECT 'RT-' || lpad((g * 8)::text, 7, '0') FROM generate_series(1, 1500) g)`);
    await q(
      `INSERT INTO case_assignments ("caseId", "userId", "assignedById", "assignedAt", "unassignedAt")
       SELECT c.id, u.id, u.id, now(), CASE WHEN g % 5 = 0 THEN now() END
         FROM generate_series(1501, 3000) g JOIN cases c ON c.code = 'RT-' || lpad((g * 8)::text, 7, '0'), users u WHERE u.email = 'caseworker@perf.demo'`,
    );
    const by = `(SELECT id FROM users WHERE email = 'sup.inst1@perf.demo')`;
    await q(
      `INSERT INTO assistance_follow_ups ("caseId", "contactOn", channel, outcome, "nextOn", "byUserId", "createdAt")
       SELECT c.id, date '2026-01-01' - k, 'phone', 'reached', $1::date + ((n + k) % 21 - 10)::int, ${by}, now() - k * interval '9 days'
         FROM (SELECT id, row_number() OVER () AS n FROM cases WHERE right(code, 1) = '0') c, generate_series(0, 1) k`,
      [today],
    );
    await q(
      `INSERT INTO risk_assessments ("caseId", kind, level, threats, "assessedById", "assessedAt")
       SELECT c.id, 'initial', (ARRAY['low','medium','high','extreme'])[1 + n % 4], '{health}', ${by}, now() - (n % 90) * interval '1 day'
         FROM (SELECT id, row_number() OVER () AS n FROM cases WHERE right(code, 1) IN ('0', '8')) c`,
    );
    await q(`INSERT INTO assistance_plans ("caseId", objectives, "createdById", version) SELECT id, '', ${by}, 1 FROM cases WHERE right(code, 1) = '0'`);
    await q(
      `INSERT INTO assistance_services ("planId", "caseId", phase, category, status, "plannedOn", "dueOn", "deliveredOn", "createdById", version)
       SELECT p.id, p."caseId", 'immediate', (ARRAY['lodging','medical','psychosocial'])[1 + n % 3], (ARRAY['planned','in_progress','delivered','cancelled'])[1 + n % 4],
              $1::date - 30, $1::date + (n % 41 - 20)::int, CASE WHEN n % 4 = 2 THEN $1::date - 1 END, ${by}, 1
         FROM (SELECT id, "caseId", row_number() OVER () AS n FROM assistance_plans) p`,
      [today],
    );
    await q(
      `INSERT INTO assistance_phase_timers ("caseId", phase, "startedAt", "deadlineAt", "overdueAt", version)
       SELECT id, CASE status WHEN 'immediate_assistance' THEN 'immediate' ELSE 'medium_term' END, "statusChangedAt",
              "statusChangedAt" + CASE status WHEN 'immediate_assistance' THEN interval '5 days' ELSE interval '6 months' END,
              CASE WHEN "statusChangedAt" + CASE status WHEN 'immediate_assistance' THEN interval '5 days' ELSE interval '6 months' END < now() THEN now() END, 1
         FROM cases WHERE status IN ('immediate_assistance', 'medium_term_assistance')`,
    );
    await q(
      `INSERT INTO assistance_closure_requests ("caseId", "caseCode", "institutionId", reason, "requestedById", version)
       SELECT id, code, "ownerInstitutionId", 'reintegrated', "createdById", 1 FROM cases WHERE right(code, 2) = '16' AND status = 'follow_up'`,
    );
    // The history: every closed case went through an approved request (the table grows with the cases, not the pending).
    await q(
      `INSERT INTO assistance_closure_requests ("caseId", "caseCode", "institutionId", reason, status, "requestedById", "decidedById", "decidedAt", version)
       SELECT id, code, "ownerInstitutionId", 'reintegrated', 'approved', "createdById", "createdById", "statusChangedAt", 2 FROM cases WHERE status = 'closed'`,
    );
    await q(
      `INSERT INTO assistance_alerts ("userId", kind, "caseId", "caseCode", "readAt")
       SELECT u.id, 'high_risk', c.id, c.code, CASE WHEN n % 3 = 0 THEN now() END
         FROM (SELECT id, code, "ownerInstitutionId", row_number() OVER () AS n FROM cases WHERE right(code, 2) = '02') c JOIN users u ON u."institutionId" = c."ownerInstitutionId"`,
    );
    // As autovacuum leaves a settled table: statistics, and the visibility map that index-only scans rely on.
    await q('VACUUM ANALYZE');
    for (const [who, email] of [['caseworker', 'caseworker@perf.demo'], ['supervisor', 'sup.inst1@perf.demo']] as const) {
      const [user] = await q(`SELECT id, "institutionId" FROM users WHERE email = $1`, [email]);
      Object.assign(actors[who], { userId: user.id, institutionId: user.institutionId });
      await q(
        `INSERT INTO sessions ("tokenHash", "csrfToken", "userId", "mfaVerified", "expiresAt") VALUES (encode(sha256(convert_to($1, 'UTF8')), 'hex'), $1, $2, true, now() + interval '1 hour')`,
        [actors[who].token, user.id],
      );
    }
    await bulk.end();
    loader = undefined;
    runner = new TransactionRunner(dataSource, dataSource);
  }, 900_000);

  afterAll(async () => {
    await loader?.end().catch(() => undefined);
    await dataSource?.destroy();
    const admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  /** The statement's plan as the application role under the actor's verified session, and what it answers. */
  async function explain(who: keyof typeof actors, [sql, params]: [string, unknown[]]): Promise<{ nodes: PlanNode[]; rows: Record<string, unknown>[] }> {
    return runner.run({ sessionToken: actors[who].token }, async (manager) => {
      await manager.query(`SET LOCAL ROLE ${APP_ROLE}`);
      const [{ 'QUERY PLAN': [plan] }] = await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      return { nodes: nodes(plan.Plan), rows: await manager.query(sql, params) };
    });
  }

  const wholeTableScans = (plan: { nodes: PlanNode[] }) => plan.nodes.filter((n) => n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(n['Relation Name'] ?? '')).map((n) => n['Relation Name']);
  const indexesOf = (plan: { nodes: PlanNode[] }) => new Set(plan.nodes.map((n) => n['Index Name']).filter(Boolean));

  it.each(['caseworker', 'supervisor'] as const)('counts the %s\u2019s day without reading a whole table, through the cases\u2019 scope indexes', async (who) => {
    const actor = actors[who];
    // As MyDayService asks: the caseworker's own cases worked out once (ownCases), the supervisor's institution per count.
    const now = new Date();
    const plan = await explain(who, MY_DAY_SQL.counts(caseScopeCondition(actor), actor.userId, today, now, { ownCases: who === 'caseworker' }));
    expect(wholeTableScans(plan)).toEqual([]);
    if (who === 'caseworker') {
      // The same figures as the statement that works the scope out in each count.
      expect((await explain(who, MY_DAY_SQL.counts(caseScopeCondition(actor), actor.userId, today, now))).rows).toEqual(plan.rows);
    }
    const used = indexesOf(plan);
    expect(used).toContain('IDX_assistance_follow_ups_case');
    expect(used).toContain('IDX_risk_assessments_case');
    // The supervisor's cases are reached through an index that starts with her institution (which one is the planner's choice).
    if (who === 'supervisor') expect([...used].some((i) => i === 'IDX_cases_institution_status_created' || i === 'IDX_cases_institution_identified_status')).toBe(true);
    else expect(used).toContain('IDX_case_assignments_user_live');
    // Real numbers, not an empty database: the supervisor's institution has cases in each phase.
    const [counts] = plan.rows as { immediate: number; followUpsOverdue: number; highRisk: number }[];
    expect(counts.immediate).toBeGreaterThan(who === 'supervisor' ? CASES / 100 : 100);
    expect(counts.highRisk).toBeGreaterThan(0);
  });

  it.each(['caseworker', 'supervisor'] as const)('lists every card of the %s\u2019s day, both orders and the next page, without reading a whole table', async (who) => {
    const actor = actors[who];
    const scope = caseScopeCondition(actor);
    const scanned: string[] = [];
    for (const kind of WORKLIST_KINDS) {
      const total = await explain(who, MY_DAY_SQL.total(kind, scope, today));
      const first = await explain(who, MY_DAY_SQL.page(kind, scope, today, 25));
      const newest = await explain(who, MY_DAY_SQL.page(kind, scope, today, 25, { on: today, code: 'RT-0500000' }, true));
      for (const [step, plan] of [['total', total], ['page', first], ['newest', newest]] as const) scanned.push(...wholeTableScans(plan).map((t) => `${kind} ${step}: ${t}`));
      expect(first.rows.length).toBeLessThanOrEqual(26);
    }
    expect(scanned).toEqual([]);
  });
});
