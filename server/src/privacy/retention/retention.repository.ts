import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RetentionItemStatus, RetentionItemView, RetentionQueuePage, RetentionRecordType, RetentionSettingView, RetentionSort } from '@ruta/shared';
import { decodeCursor, encodeCursor, RepositoryBase, ValidationFailedError } from '@ruta/platform';
import { RetentionItemEntity } from './retention-item.entity';
import { RetentionSettingEntity } from './retention-setting.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function badCursor(): ValidationFailedError {
  return new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'cursor is not valid' }]);
}

function toItemView(item: RetentionItemEntity): RetentionItemView {
  return {
    id: item.id,
    recordType: item.recordType,
    code: item.code,
    institutionName: item.institution?.name ?? '',
    endedOn: item.endedOn,
    dueOn: item.dueOn,
    status: item.status,
    postponedUntil: item.postponedUntil,
    reason: item.reason,
    decidedAt: item.decidedAt?.toISOString() ?? null,
    version: item.version,
  };
}

/** The retention settings and queue, read and written as the acting user (row-level security: `privacy:review`). */
@Injectable()
export class RetentionRepository extends RepositoryBase {
  async settings(): Promise<RetentionSettingView[]> {
    const rows = await this.manager.getRepository(RetentionSettingEntity).find({ order: { recordType: 'ASC' } });
    return rows.map((s) => ({ recordType: s.recordType, years: s.years, version: s.version, updatedAt: s.updatedAt.toISOString() }));
  }

  async setting(recordType: RetentionRecordType): Promise<RetentionSettingEntity | null> {
    return this.manager.getRepository(RetentionSettingEntity).findOneBy({ recordType });
  }

  async updateSetting(recordType: RetentionRecordType, version: number, years: number, userId: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(RetentionSettingEntity)
      .set({ years, updatedById: userId, version: () => '"version" + 1' })
      .where('"recordType" = :recordType AND version = :version', { recordType, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async page(status: RetentionItemStatus, sort: RetentionSort, limit: number, cursor?: string): Promise<RetentionQueuePage> {
    const direction = sort === 'due_desc' ? 'DESC' : 'ASC';
    const query = this.manager
      .getRepository(RetentionItemEntity)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.institution', 'institution')
      .where('i.status = :status', { status });
    const total = await query.clone().getCount();
    if (cursor) {
      const key = decodeCursor<{ dueOn: string; id: string }>(cursor);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(key.dueOn)) || !UUID.test(String(key.id))) throw badCursor();
      query.andWhere(`(i."dueOn", i.id) ${direction === 'ASC' ? '>' : '<'} (:dueOn::date, :id::uuid)`, { dueOn: key.dueOn, id: key.id });
    }
    const rows = await query.orderBy('i.dueOn', direction).addOrderBy('i.id', direction).take(limit + 1).getMany();
    const items = rows.slice(0, limit).map(toItemView);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, total, limit, ...(last ? { nextCursor: encodeCursor({ dueOn: last.dueOn, id: last.id }) } : {}) };
  }

  async item(id: string): Promise<RetentionItemEntity | null> {
    return this.manager.getRepository(RetentionItemEntity).findOne({ where: { id }, relations: { institution: true } });
  }

  async view(id: string): Promise<RetentionItemView | null> {
    const item = await this.item(id);
    return item ? toItemView(item) : null;
  }

  async postpone(id: string, version: number, reason: string, until: string, userId: string): Promise<boolean> {
    return this.applyVersioned(RetentionItemEntity, id, version, { status: 'postponed', postponedUntil: until, reason, decidedById: userId, decidedAt: new Date() }, { sql: `status = 'pending'`, params: {} });
  }

  /** In the system transaction of the erasure: the item, locked, if it still has this version and waits. */
  static async lockPending(manager: EntityManager, id: string, version: number): Promise<RetentionItemEntity | null> {
    return manager
      .getRepository(RetentionItemEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :id AND i.version = :version AND i.status = :status', { id, version, status: 'pending' })
      .getOne();
  }

  static async markErased(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE privacy_retention_items SET status = 'erased', "decidedById" = $2, "decidedAt" = now(), reason = NULL, version = version + 1, "updatedAt" = now() WHERE id = $1`,
      [id, userId],
    );
  }

  /** The case still ended as it was when listed (a reopened case is no longer due). */
  static async caseStillEnded(manager: EntityManager, caseId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM cases WHERE id = $1 AND status IN ('closed', 'ruled_out') FOR UPDATE`, [caseId]);
    return rows.length > 0;
  }
}
