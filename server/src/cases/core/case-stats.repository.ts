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
    const rows = await this.build(query).getRawMany<Record<keyof CaseStatsRow, string | number>>();
    return rows.map((r) => ({
      status: r.status as CaseStatus,
      total: Number(r.total),
      minors: Number(r.minors),
      recent: Number(r.recent),
      assignedToMeActive: Number(r.assignedToMeActive),
    }));
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
