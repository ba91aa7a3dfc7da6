import { Injectable } from '@nestjs/common';
import { CaseStatus, MyDay, WorklistItem, WorklistKind } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';

/** Where a statement compares with today's date (bound by `Params.today`). */
const TODAY = '__TODAY__';
const ACTIVE = `('immediate_assistance', 'medium_term_assistance', 'follow_up', 'suspended')`;

/** The actor's record scope on the `cases` alias `c`, with TypeORM named parameters (`caseScopeCondition()`). */
export interface MyDayScope {
  sql: string;
  params: Record<string, unknown>;
}

/** One statement's positional parameters: each value gets the next `$n`. */
class Params {
  readonly values: unknown[] = [];
  private readonly named = new Map<string, string>();

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** The statement with `__TODAY__` bound to a parameter, only if it uses it (PostgreSQL refuses an unused one's type). */
  today(sql: string, today: string): string {
    return sql.includes(TODAY) ? sql.replaceAll(TODAY, `${this.add(today)}::date`) : sql;
  }

  /** The scope's SQL with its named parameters (`:name`, never a `::cast`) as positional ones of this statement. */
  scope(scope: MyDayScope): string {
    return scope.sql.replace(/(?<!:):(\w+)/g, (_m, name: string) => {
      if (!this.named.has(name)) this.named.set(name, this.add(scope.params[name]));
      return this.named.get(name)!;
    });
  }
}

/**
 * Set-based SQL over the cases in the actor's scope, driven by the cases' indexes: the scope is written into each
 * statement (`caseScopeCondition()`: the institution's or my cases through IDX_cases_institution_status_created,
 * IDX_cases_created_by and the live assignments) and row-level security checks the same rule again. From each case,
 * its latest follow-up and latest risk assessment are one backward probe of their (caseId, date) index (LATERAL …
 * LIMIT 1), its open services and running timers probes of their case indexes. At 1,000,000 cases no statement reads
 * a whole table (the plan check in e2e/api/assistance/assistance-scale.e2e-spec.ts).
 */
function sources(today: string, inScope: string): Record<WorklistKind, string> {
  // `today` and `inScope` hold the statement's placeholders (never values).
  const latestFollowUp = `CROSS JOIN LATERAL (SELECT f."nextOn" FROM assistance_follow_ups f WHERE f."caseId" = c.id ORDER BY f."createdAt" DESC LIMIT 1) l`;
  const latestRisk = `CROSS JOIN LATERAL (SELECT r.level, r."assessedAt" FROM risk_assessments r WHERE r."caseId" = c.id ORDER BY r."assessedAt" DESC LIMIT 1) l`;
  const phase = (status: CaseStatus) =>
    `SELECT c.code, c.status, to_char(c."statusChangedAt" AT TIME ZONE 'America/Bogota', 'YYYY-MM-DD') AS "on", NULL::text AS detail FROM cases c WHERE c.status = '${status}' AND ${inScope}`;
  return {
    follow_ups_due: `SELECT c.code, c.status, l."nextOn"::text AS "on", NULL::text AS detail FROM cases c ${latestFollowUp} WHERE c.status IN ${ACTIVE} AND ${inScope} AND l."nextOn" = ${today}`,
    follow_ups_overdue: `SELECT c.code, c.status, l."nextOn"::text AS "on", NULL::text AS detail FROM cases c ${latestFollowUp} WHERE c.status IN ${ACTIVE} AND ${inScope} AND l."nextOn" < ${today}`,
    services_overdue: `SELECT c.code, c.status, s."dueOn"::text AS "on", s.category::text AS detail FROM cases c JOIN assistance_services s ON s."caseId" = c.id AND s.status IN ('planned', 'in_progress') AND s."dueOn" < ${today} WHERE ${inScope}`,
    high_risk: `SELECT c.code, c.status, to_char(l."assessedAt" AT TIME ZONE 'America/Bogota', 'YYYY-MM-DD') AS "on", l.level::text AS detail FROM cases c ${latestRisk} WHERE c.status IN ${ACTIVE} AND ${inScope} AND l.level IN ('high', 'extreme')`,
    closures_pending: `SELECT c.code, c.status, to_char(q."createdAt" AT TIME ZONE 'America/Bogota', 'YYYY-MM-DD') AS "on", q.reason::text AS detail FROM cases c JOIN assistance_closure_requests q ON q."caseId" = c.id AND q.status = 'pending' WHERE ${inScope}`,
    phase_immediate: phase('immediate_assistance'),
    phase_medium_term: phase('medium_term_assistance'),
    phase_follow_up: phase('follow_up'),
  };
}

/** The statements of "my day", built without running them (the plan check EXPLAINs exactly these). */
export const MY_DAY_SQL = {
  /**
   * The ten counts in one statement. The six over the active cases (the three phases, follow-ups due and overdue, high
   * risk) come from one pass over those cases — each with its latest follow-up and latest risk assessment, one index
   * probe apiece — instead of six passes that each work out the scope again; the same rules as `sources()` (a case
   * without a follow-up or an assessment counts in neither). Services, closures and timers are joined from their own
   * open rows. `ownCases` (the `assigned` scope: a caseworker's own and assigned cases, a few thousand at most) works the
   * scope out once, into a materialised set that every count reads; a whole institution's scope is left to each count's
   * own indexes instead.
   */
  counts(scope: MyDayScope, userId: string, today: string, now: Date, options: { ownCases?: boolean } = {}): [string, unknown[]] {
    const p = new Params();
    const inScope = p.scope(scope);
    const mine = options.ownCases ? `mine AS MATERIALIZED (SELECT c.id, c.status FROM cases c WHERE ${inScope}),` : '';
    // Every count reads its cases from `scoped` (alias c): the materialised set, or the cases under the scope condition.
    const [scoped, where] = options.ownCases ? ['mine c', 'true'] : ['cases c', inScope];
    const sql = `WITH ${mine} active AS (
        SELECT c.status,
          (SELECT f."nextOn" FROM assistance_follow_ups f WHERE f."caseId" = c.id ORDER BY f."createdAt" DESC LIMIT 1) AS "nextOn",
          (SELECT r.level FROM risk_assessments r WHERE r."caseId" = c.id ORDER BY r."assessedAt" DESC LIMIT 1) AS risk
        FROM ${scoped} WHERE c.status IN ${ACTIVE} AND ${where}
      ), phases AS (
        SELECT count(*) FILTER (WHERE a.status = 'immediate_assistance')::int AS immediate,
          count(*) FILTER (WHERE a.status = 'medium_term_assistance')::int AS "mediumTerm",
          count(*) FILTER (WHERE a.status = 'follow_up')::int AS "followUp",
          count(*) FILTER (WHERE a."nextOn" = ${TODAY})::int AS "followUpsDueToday",
          count(*) FILTER (WHERE a."nextOn" < ${TODAY})::int AS "followUpsOverdue",
          count(*) FILTER (WHERE a.risk IN ('high', 'extreme'))::int AS "highRisk"
        FROM active a
      )
      SELECT ph.immediate, ph."mediumTerm", ph."followUp", ph."followUpsDueToday", ph."followUpsOverdue",
              (SELECT count(*)::int FROM ${scoped} JOIN assistance_services s ON s."caseId" = c.id AND s.status IN ('planned', 'in_progress') AND s."dueOn" < ${TODAY}
                WHERE ${where}) AS "servicesOverdue",
              ph."highRisk",
              (SELECT count(*)::int FROM ${scoped} JOIN assistance_closure_requests q ON q."caseId" = c.id AND q.status = 'pending' WHERE ${where}) AS "closuresPending",
              (SELECT count(*)::int FROM ${scoped} JOIN assistance_phase_timers t ON t."caseId" = c.id AND t."endedAt" IS NULL AND (t."overdueAt" IS NOT NULL OR t."deadlineAt" < ${p.add(now)})
                WHERE ${where}) AS "overduePhases",
              (SELECT count(*)::int FROM assistance_alerts a WHERE a."userId" = ${p.add(userId)} AND a."readAt" IS NULL) AS "unreadAlerts"
      FROM phases ph`;
    return [p.today(sql, today), p.values];
  },

  total(kind: WorklistKind, scope: MyDayScope, today: string): [string, unknown[]] {
    const p = new Params();
    const source = p.today(sources(TODAY, p.scope(scope))[kind], today);
    return [`SELECT count(*)::int AS total FROM (${source}) x`, p.values];
  },

  page(kind: WorklistKind, scope: MyDayScope, today: string, limit: number, after?: { on: string; code: string }, newestFirst = false): [string, unknown[]] {
    const p = new Params();
    const source = p.today(sources(TODAY, p.scope(scope))[kind], today);
    const where = after ? `WHERE (x."on", x.code) ${newestFirst ? '<' : '>'} (${p.add(after.on)}, ${p.add(after.code)})` : '';
    return [`SELECT * FROM (${source}) x ${where} ORDER BY ${newestFirst ? 'x."on" DESC, x.code DESC' : 'x."on", x.code'} LIMIT ${p.add(limit + 1)}`, p.values];
  },
};

@Injectable()
export class MyDayRepository extends RepositoryBase {
  async counts(scope: MyDayScope, userId: string, today: string, now: Date, options: { ownCases?: boolean } = {}): Promise<MyDay> {
    const [row] = await this.manager.query(...MY_DAY_SQL.counts(scope, userId, today, now, options));
    const { immediate, mediumTerm, followUp, ...rest } = row;
    return { byPhase: { immediate, mediumTerm, followUp }, ...rest };
  }

  /** One keyset page (date, code) of the cases behind a card of "my day", oldest first or newest first, with the total. */
  async worklist(kind: WorklistKind, scope: MyDayScope, today: string, limit: number, after?: { on: string; code: string }, newestFirst = false): Promise<{ rows: WorklistItem[]; total: number }> {
    const [{ total }] = await this.manager.query(...MY_DAY_SQL.total(kind, scope, today));
    const rows: { code: string; status: CaseStatus; on: string; detail: string | null }[] = await this.manager.query(...MY_DAY_SQL.page(kind, scope, today, limit, after, newestFirst));
    return { rows: rows.map((r) => ({ caseCode: r.code, caseStatus: r.status, on: r.on, detail: r.detail })), total };
  }
}
