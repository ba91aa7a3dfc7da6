import { Injectable } from '@nestjs/common';
import {
  postponementErrors,
  RETENTION_RECORD_TYPE,
  RetentionItemStatus,
  RetentionItemView,
  RetentionQueuePage,
  RetentionRecordType,
  RetentionSettingView,
  RetentionSort,
} from '@ruta/shared';
import { Actor, AuditService, Clock, ConflictError, NotFoundError, StaleVersionError, todayInColombia, TransactionRunner, ValidationFailedError } from '@ruta/platform';
import { CaseEraser } from '../erase/case-eraser';
import { RetentionRepository } from './retention.repository';

/**
 * The retention queue behind `privacy:review`: the settings, the items the job listed, and each reviewer's decision.
 * Confirming erases the record in one system transaction (the item locked, still pending at the version the reviewer
 * saw, the case still closed), audited by case or contact id; postponing needs a reason and a new date.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly repo: RetentionRepository,
    private readonly eraser: CaseEraser,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  settings(): Promise<RetentionSettingView[]> {
    return this.repo.settings();
  }

  async updateSetting(actor: Actor, recordType: string, version: number, years: number): Promise<RetentionSettingView[]> {
    if (!(RETENTION_RECORD_TYPE.values as readonly string[]).includes(recordType)) throw new NotFoundError('retention setting');
    const type = recordType as RetentionRecordType;
    const current = await this.repo.setting(type);
    if (!current) throw new NotFoundError('retention setting');
    if (!(await this.repo.updateSetting(type, version, years, actor.userId))) throw new StaleVersionError(current.version, ['years']);
    await this.audit.record({ action: 'update', details: { privacy: 'retention_setting', recordType: type, years, previousYears: current.years } });
    return this.repo.settings();
  }

  queue(status: RetentionItemStatus = 'pending', sort: RetentionSort = 'due_asc', limit = 25, cursor?: string): Promise<RetentionQueuePage> {
    return this.repo.page(status, sort, limit, cursor);
  }

  async postpone(actor: Actor, id: string, version: number, reason: string, until: string): Promise<RetentionItemView> {
    const errors = postponementErrors({ reason, until }, todayInColombia(this.clock.now()));
    if (errors.length) throw new ValidationFailedError(errors.map((e) => ({ field: e.field, code: e.code, message: `${e.field}: ${e.code}` })));
    const item = await this.requireItem(id);
    if (item.status !== 'pending') throw new ConflictError('retention_not_pending', 'This item is not waiting for a decision');
    if (!(await this.repo.postpone(id, version, reason.trim(), until, actor.userId))) throw new StaleVersionError(item.version);
    await this.auditItem('update', item, { privacy: 'retention_postponed', until });
    return (await this.repo.view(id))!;
  }

  async confirm(actor: Actor, id: string, version: number): Promise<RetentionItemView> {
    const item = await this.requireItem(id);
    if (item.status !== 'pending') throw new ConflictError('retention_not_pending', 'This item is not waiting for a decision');
    if (item.version !== version) throw new StaleVersionError(item.version);
    await this.transactions.runAsSystem(async (manager) => {
      const locked = await RetentionRepository.lockPending(manager, id, version);
      if (!locked) throw new StaleVersionError();
      if (locked.caseId && !(await RetentionRepository.caseStillEnded(manager, locked.caseId))) {
        throw new ConflictError('retention_not_due', 'The case was reopened since it was listed; its retention has not run out');
      }
      const outcome = locked.caseId ? await this.eraser.eraseCase(manager, locked.caseId) : await this.eraser.eraseContact(manager, locked.hotlineContactId!);
      await RetentionRepository.markErased(manager, id, actor.userId);
      await this.auditItem('delete', locked, { privacy: 'retention_erased', erased: outcome.erased, kept: outcome.kept.map((k) => k.category) });
    });
    await this.auditItem('update', item, { privacy: 'retention_confirmed' });
    return (await this.repo.view(id))!;
  }

  private async requireItem(id: string) {
    const item = await this.repo.item(id);
    if (!item) throw new NotFoundError('retention item');
    return item;
  }

  private auditItem(action: 'update' | 'delete', item: { caseId: string | null; hotlineContactId: string | null }, details: Record<string, unknown>): Promise<void> {
    return this.audit.record(
      item.caseId ? { action, entityType: 'case', entityId: item.caseId, details } : { action, entityType: 'hotline_contact', entityId: item.hotlineContactId!, details },
    );
  }
}
