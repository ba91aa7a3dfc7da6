import { Injectable } from '@nestjs/common';
import { ACTIVE_CASE_STATUSES, CASE_STATS_RECENT_DAYS, CASE_STATUS, CaseStatsView, CaseStatus, PERMISSIONS, seesEveryCase } from '@ruta/shared';
import { Actor, can, AuditService, ForbiddenError, todayInColombia } from '@ruta/platform';
import { caseScopeCondition } from './case-scope';
import { CaseStatsRepository } from './case-stats.repository';

/** The first day of a window of `days` days ending today (both included), as YYYY-MM-DD. */
export function windowStart(today: string, days: number): string {
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return start.toISOString().slice(0, 10);
}

/**
 * The dashboard's counts of the cases in the actor's scope. Counts only, the same for every scope: no code, no name,
 * so a pseudonymised scope learns nothing more than its case list already shows.
 */
@Injectable()
export class CaseStatsService {
  constructor(
    private readonly stats: CaseStatsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, now = new Date()): Promise<CaseStatsView> {
    if (!can(actor, PERMISSIONS.casesRead)) throw new ForbiddenError();
    const recentSince = windowStart(todayInColombia(now), CASE_STATS_RECENT_DAYS);
    const rows = await this.stats.countByStatus({
      scope: caseScopeCondition(actor),
      userId: actor.userId,
      since: recentSince,
      activeStatuses: ACTIVE_CASE_STATUSES,
      summary: actor.scope === 'institution' ? { institutionId: actor.institutionId } : seesEveryCase(actor.scope) ? {} : undefined,
      memberSummary: actor.scope === 'assigned',
    });
    const byStatus = Object.fromEntries(CASE_STATUS.values.map((s) => [s, 0])) as Record<CaseStatus, number>;
    const view: CaseStatsView = { total: 0, byStatus, minors: 0, identifiedRecently: 0, recentSince, assignedToMeActive: 0 };
    for (const row of rows) {
      byStatus[row.status] = row.total;
      view.total += row.total;
      view.minors += row.minors;
      view.identifiedRecently += row.recent;
      view.assignedToMeActive += row.assignedToMeActive;
    }
    await this.audit.record({ action: 'read', entityType: 'case_stats', details: { scope: actor.scope, total: view.total } });
    return view;
  }
}
