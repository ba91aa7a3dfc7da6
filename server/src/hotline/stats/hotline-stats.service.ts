import { Injectable } from '@nestjs/common';
import { HotlineStats, HotlineStatsPeriod } from '@ruta/shared';
import { AuditService, RepositoryBase, TransactionRunner } from '@ruta/platform';

type Bucket = { key: string; count: number };

/** Aggregates of the hotline, all in SQL (one statement per breakdown, over the range's index). */
@Injectable()
export class HotlineStatsRepository extends RepositoryBase {
  constructor(transactions: TransactionRunner) {
    super(transactions);
  }

  async stats(from: Date, to: Date, period: HotlineStatsPeriod): Promise<HotlineStats> {
    const range = `FROM hotline_contacts WHERE "startedAt" >= $1 AND "startedAt" < $2`;
    const group = (expr: string): Promise<Bucket[]> =>
      this.manager.query(`SELECT ${expr} AS key, count(*)::int AS count ${range} GROUP BY 1 ORDER BY 2 DESC, 1`, [from, to]);
    const [totals]: { total: number; median: number | null; tips: number; referrals: number; cases: number }[] = await this.manager.query(
      `SELECT count(*)::int AS total, percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationSeconds") AS median,
              count(*) FILTER (WHERE outcome = 'tip_sent')::int AS tips, count(*) FILTER (WHERE outcome = 'referral')::int AS referrals,
              count(*) FILTER (WHERE outcome IN ('new_case', 'linked_case'))::int AS cases ${range}`,
      [from, to],
    );
    const perPeriod: Bucket[] = await this.manager.query(
      `SELECT to_char(date_trunc('${period}', "startedAt" AT TIME ZONE 'America/Bogota'), 'YYYY-MM-DD') AS key, count(*)::int AS count ${range} GROUP BY 1 ORDER BY 1`,
      [from, to],
    );
    return {
      total: totals.total,
      perPeriod,
      byCallType: await group(`"callType"`),
      byChannel: await group(`channel`),
      byDepartment: await group(`COALESCE("departmentCode", CASE WHEN "countryCode" IS NOT NULL AND "countryCode" <> 'CO' THEN 'abroad' ELSE 'unknown' END)`),
      byPurpose: await this.manager.query(`SELECT p AS key, count(*)::int AS count ${range.replace('FROM hotline_contacts', 'FROM hotline_contacts CROSS JOIN LATERAL unnest(purposes) p')} GROUP BY 1 ORDER BY 2 DESC, 1`, [from, to]),
      byOutcome: await group(`COALESCE(outcome, 'none')`),
      conversion: {
        tips: totals.tips,
        referrals: totals.referrals,
        cases: totals.cases,
        share: totals.total ? (totals.tips + totals.referrals + totals.cases) / totals.total : null,
      },
      medianHandlingSeconds: totals.median === null ? null : Math.round(Number(totals.median)),
    };
  }
}

@Injectable()
export class HotlineStatsService {
  constructor(
    private readonly repository: HotlineStatsRepository,
    private readonly audit: AuditService,
  ) {}

  async stats(from: Date, to: Date, period: HotlineStatsPeriod): Promise<HotlineStats> {
    const stats = await this.repository.stats(from, to, period);
    await this.audit.record({ action: 'read', entityType: 'hotline_stats', details: { from: from.toISOString(), to: to.toISOString(), period } });
    return stats;
  }
}
