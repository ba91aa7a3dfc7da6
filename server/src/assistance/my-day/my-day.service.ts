import { Injectable } from '@nestjs/common';
import { AssistanceAlertView, MyDay, WorklistKind, WorklistPage, WorklistSort } from '@ruta/shared';
import { Actor, AuditService, decodeCursor, encodeCursor, NotFoundError, todayInColombia } from '@ruta/platform';
import { Clock } from '@ruta/platform';
import { caseScopeCondition } from '@ruta/cases';
import { AssistanceRepository } from '../assistance.repository';
import { MyDayRepository } from './my-day.repository';

/** The caseworker's "my day": counts over the cases in the actor's scope, the lists behind them, and alerts. */
@Injectable()
export class MyDayService {
  constructor(
    private readonly myDay: MyDayRepository,
    private readonly repo: AssistanceRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async counts(actor: Actor): Promise<MyDay> {
    const now = this.clock.now();
    const counts = await this.myDay.counts(caseScopeCondition(actor), actor.userId, todayInColombia(now), now, { ownCases: actor.scope === 'assigned' });
    await this.audit.record({ action: 'read', entityType: 'case_stats', details: { section: 'assistance_my_day' } });
    return counts;
  }

  async worklist(actor: Actor, kind: WorklistKind, limit = 25, cursor?: string, sort: WorklistSort = 'date'): Promise<WorklistPage> {
    const now = this.clock.now();
    const after = cursor ? decodeCursor<{ on: string; code: string }>(cursor) : undefined;
    const { rows, total } = await this.myDay.worklist(kind, caseScopeCondition(actor), todayInColombia(now), limit, after, sort === '-date');
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await this.audit.record({ action: 'read', entityType: 'case_stats', details: { section: 'assistance_worklist', kind, shown: items.length } });
    return { items, total, limit, ...(rows.length > limit && last ? { nextCursor: encodeCursor({ on: last.on, code: last.caseCode }) } : {}) };
  }

  async alerts(actor: Actor): Promise<AssistanceAlertView[]> {
    const rows = await this.repo.alertsOf(actor.userId, 50);
    await this.audit.recordMany([...new Set(rows.map((a) => a.caseId))].map((caseId) => ({ action: 'read', entityType: 'case', entityId: caseId, details: { section: 'assistance_alerts' } })));
    return rows.map((a) => ({ id: a.id, kind: a.kind, caseCode: a.caseCode, createdAt: a.createdAt.toISOString(), read: !!a.readAt }));
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if (!(await this.repo.markAlertRead(id, actor.userId, this.clock.now()))) throw new NotFoundError('alert');
  }
}
