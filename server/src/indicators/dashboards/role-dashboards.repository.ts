import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '@ruta/platform';

/** The case statuses of assistance in progress (the caseworker's "my day" counts the same ones). */
const ACTIVE = `('immediate_assistance', 'medium_term_assistance', 'follow_up', 'suspended')`;

export interface CaseworkerCounts {
  days: { day: string; n: number }[];
  overdue: number;
  byStatus: Record<string, number>;
}

/**
 * The role dashboards' own counts, each one set-based statement run as the requesting user: row-level security on
 * `cases`, `assistance_follow_ups`, `operations` and `defendants` decides the scope, so a user counts only what they
 * may see. Counts only: no code, name or id leaves these statements.
 */
@Injectable()
export class RoleDashboardsRepository extends RepositoryBase {
  /**
   * The caseworker's day: the cases whose latest follow-up falls due on each of the seven days from `today`, those
   * already overdue, and the cases in each assistance phase — the definitions of the assistance area's "my day", so a
   * figure and the worklist it opens give the same total.
   */
  async caseworker(today: string): Promise<CaseworkerCounts> {
    const [row]: [{ days: { day: string; n: number }[]; overdue: number; byStatus: Record<string, number> | null }] = await this.manager.query(
      `WITH latest AS (
         SELECT DISTINCT ON (f."caseId") f."caseId", f."nextOn" FROM assistance_follow_ups f JOIN cases c ON c.id = f."caseId" AND c.status IN ${ACTIVE}
          ORDER BY f."caseId", f."createdAt" DESC)
       SELECT
         (SELECT json_agg(json_build_object('day', d.day::text, 'n', (SELECT count(*)::int FROM latest l WHERE l."nextOn" = d.day)) ORDER BY d.day)
            FROM (SELECT CAST($1 AS date) + i AS day FROM generate_series(0, 6) i) d) AS days,
         (SELECT count(*)::int FROM latest l WHERE l."nextOn" < CAST($1 AS date)) AS overdue,
         (SELECT json_object_agg(s.status, s.n) FROM (SELECT c.status, count(*)::int AS n FROM cases c
            WHERE c.status IN ('immediate_assistance', 'medium_term_assistance', 'follow_up') GROUP BY c.status) s) AS "byStatus"`,
      [today],
    );
    return { days: row.days, overdue: row.overdue, byStatus: row.byStatus ?? {} };
  }

  /** Per month from `from` to `to`: cases identified (by identification date) and operations (with their arrests). */
  async investigator(from: string, to: string): Promise<{ month: string; cases: number; operations: number; arrests: number }[]> {
    return this.manager.query(
      `WITH months AS (SELECT CAST(m AS date) AS m FROM generate_series(date_trunc('month', CAST($1 AS date)), CAST($2 AS date), interval '1 month') m),
         c AS (SELECT CAST(date_trunc('month', c."identifiedOn") AS date) AS m, count(*)::int AS n FROM cases c
                WHERE c."identifiedOn" >= CAST($1 AS date) AND c."identifiedOn" <= CAST($2 AS date) GROUP BY 1),
         o AS (SELECT CAST(date_trunc('month', o."occurredOn") AS date) AS m, count(*)::int AS n, coalesce(sum(o.arrests), 0)::int AS arrests FROM operations o
                WHERE o."occurredOn" >= CAST($1 AS date) AND o."occurredOn" <= CAST($2 AS date) GROUP BY 1)
       SELECT to_char(months.m, 'YYYY-MM') AS month, coalesce(c.n, 0) AS cases, coalesce(o.n, 0) AS operations, coalesce(o.arrests, 0) AS arrests
         FROM months LEFT JOIN c ON c.m = months.m LEFT JOIN o ON o.m = months.m ORDER BY months.m`,
      [from, to],
    );
  }

  /** The defendants of the reader's proceedings by their current Law 906 stage. */
  async defendantsByStage(): Promise<{ stage: string; n: number }[]> {
    return this.manager.query(`SELECT d.stage, count(*)::int AS n FROM defendants d GROUP BY d.stage`);
  }
}
