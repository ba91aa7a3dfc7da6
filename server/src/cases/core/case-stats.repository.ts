import { Injectable } from '@nestjs/common';
import { CaseStatus } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { CaseEntity } from './case.entity';
import { ScopeCondition } from './case-scope';

export interface CaseStatsQuery {
  scope: ScopeCondition;
  userId: string;
  /** First day (inclusive) of the recent-identification window. */
  since: string;
  activeStatuses: readonly CaseStatus[];
  /**
   * For scopes that count whole institutions (`all`, `all_pseudonymised`: every one; `institution`: one), the totals
   * come from `case_counts` (kept exact by a trigger, migration 1764404200000-FastScopes) instead of counting cases.
   */
  summary?: { institutionId?: string };
  /** For the `assigned` scope, the actor's own totals from `case_member_counts` / `case_member_days` (migration 1764405400000). */
  memberSummary?: boolean;
}

export interface CaseStatsRow {
  status: CaseStatus;
  total: number;
  minors: number;
  recent: number;
  assignedToMeActive: number;
}

/**
 * Counts of the cases in a scope: one pass, grouped by status, every other figure an aggregate FILTER. The WHERE clause
 * is the scope condition alone, so it takes the same index as the case list (IDX_cases_institution_* for
 * `institution`, IDX_cases_created_by + IDX_case_assignments_user for `assigned`); assignments are read once, as a
 * hashed sub-plan on IDX_case_assignments_user. Row-level security applies on top.
 */
@Injectable()
export class CaseStatsRepository extends RepositoryBase {
  async countByStatus(query: CaseStatsQuery): Promise<CaseStatsRow[]> {
    if (query.summary) return this.fromSummary(this.buildSummary(query, query.summary));
    if (query.memberSummary) return this.fromSummary(this.buildMemberSummary(query));
    const rows = await this.build(query).getRawMany<Record<keyof CaseStatsRow, string | number>>();
    return rows.map((r) => ({
      status: r.status as CaseStatus,
      total: Number(r.total),
      minors: Number(r.minors),
      recent: Number(r.recent),
      assignedToMeActive: Number(r.assignedToMeActive),
    }));
  }

  private async fromSummary([sql, params]: [string, unknown[]]): Promise<CaseStatsRow[]> {
    const rows: { status: CaseStatus; total: number; minors: number; recent: number; mine: number }[] = await this.manager.query(sql, params);
    const byStatus = new Map<CaseStatus, CaseStatsRow>();
    for (const row of rows) {
      const entry = byStatus.get(row.status) ?? { status: row.status, total: 0, minors: 0, recent: 0, assignedToMeActive: 0 };
      entry.total += Number(row.total);
      entry.minors += Number(row.minors);
      entry.recent += Number(row.recent);
      entry.assignedToMeActive += Number(row.mine);
      byStatus.set(row.status, entry);
    }
    return [...byStatus.values()];
  }

  /**
   * The summary path in one statement, also used by the EXPLAIN test: totals and minors from `case_counts`, the recent
   * ones index-only on IDX_cases_(institution_)identified_status, the actor's active assignments from her rows of
   * `case_member_counts` (`query.userId` must be the actor: that table's row-level security shows her own rows only).
   * Row-level security applies to each part.
   */
  buildSummary(query: CaseStatsQuery, summary: { institutionId?: string }): [string, unknown[]] {
    const params: unknown[] = [query.since, [...query.activeStatuses]];
    let counts = '';
    let cases = '';
    if (summary.institutionId) {
      params.push(summary.institutionId);
      counts = `WHERE k."ownerInstitutionId" = $3`;
      cases = `AND c."ownerInstitutionId" = $3`;
    }
    // The actor's own live assignments to the scope's active cases: her rows of `case_member_counts` (per case
    // institution and status, kept by triggers, migration 1764406400000), a few rows of its primary key instead of a
    // look-up of every assigned case (2,797 for an investigator at 1,000,000 cases, 24 ms). The scopes that come here
    // see whole institutions, so every case counted there is one the cases' row-level security shows.
    params.push(query.userId);
    const sql = `SELECT k.status, sum(k.total)::int AS total, sum(k.minors)::int AS minors, 0 AS recent, 0 AS mine FROM case_counts k ${counts} GROUP BY k.status
      UNION ALL
      SELECT c.status, 0, 0, count(*)::int, 0 FROM cases c WHERE c."identifiedOn" >= CAST($1 AS date) ${cases} GROUP BY c.status
      UNION ALL
      SELECT m.status, 0, 0, 0, sum(m.assigned)::int FROM case_member_counts m
      WHERE m."userId" = $${params.length} AND m.status = ANY($2::varchar[]) ${summary.institutionId ? 'AND m."institutionId" = $3' : ''} GROUP BY m.status`;
    return [sql, params];
  }

  /**
   * The `assigned` scope's counts in one statement, also used by the EXPLAIN test: the actor's rows of
   * `case_member_counts` (a few, by primary key) and of `case_member_days` since the recent window's first day.
   */
  buildMemberSummary(query: CaseStatsQuery): [string, unknown[]] {
    const sql = `SELECT k.status, k.total, k.minors, 0 AS recent, CASE WHEN k.status = ANY($3::varchar[]) THEN k.assigned ELSE 0 END AS mine
      FROM case_member_counts k WHERE k."userId" = $2
      UNION ALL
      SELECT d.status, 0, 0, sum(d.total)::int, 0 FROM case_member_days d WHERE d."userId" = $2 AND d."identifiedOn" >= CAST($1 AS date) GROUP BY d.status`;
    return [sql, [query.since, query.userId, [...query.activeStatuses]]];
  }

  /** The query itself, also used by the EXPLAIN test. */
  build(query: CaseStatsQuery) {
    return this.manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .select('c.status', 'status')
      .addSelect('count(*)::int', 'total')
      .addSelect('(count(*) FILTER (WHERE c."minorAtIdentification"))::int', 'minors')
      .addSelect('(count(*) FILTER (WHERE c."identifiedOn" >= CAST(:statsSince AS date)))::int', 'recent')
      .addSelect(
        `(count(*) FILTER (WHERE c.status IN (:...statsActive)
           AND c.id IN (SELECT sm."caseId" FROM case_assignments sm WHERE sm."userId" = :statsUserId AND sm."unassignedAt" IS NULL)))::int`,
        'assignedToMeActive',
      )
      .where(query.scope.sql, query.scope.params)
      .setParameters({ statsSince: query.since, statsActive: [...query.activeStatuses], statsUserId: query.userId })
      .groupBy('c.status');
  }
}
