import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { AuditQuery } from '@ruta/shared';
import { RepositoryBase } from '../database/repository-base';
import { AuditEventEntity } from './audit-event.entity';
import { AuditQueryDto } from './dto/audit-query.dto';

export interface AuditRow extends AuditEventEntity {
  actorName: string | null;
  actorInstitutionCode: string | null;
}

/**
 * Reads the audit trail newest first by (occurredAt, id), with keyset pagination: the cursor is the last event's id,
 * and the next page starts below that event's (occurredAt, id). Each filter has an index ending in those two columns
 * (`(action, occurredAt, id)`, `(actorUserId, occurredAt, id)`, `(occurredAt, id)`; migration 1764405900000), so a
 * period narrows the index range instead of being filtered out of everything later.
 */
@Injectable()
export class AuditRepository extends RepositoryBase {
  async find(query: AuditQueryDto, limit: number): Promise<AuditRow[]> {
    const { entities, raw } = await this.build(query, limit).getRawAndEntities();
    return entities.map((entity, index) => Object.assign(entity, { actorName: raw[index].actorName, actorInstitutionCode: raw[index].actorInstitutionCode }));
  }

  /** The trail's query for a filter (the performance spec EXPLAINs it). */
  build(query: AuditQuery, limit: number): SelectQueryBuilder<AuditEventEntity> {
    const qb = this.manager
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .leftJoin('users', 'u', 'u.id = e.actorUserId')
      .leftJoin('institutions', 'i', 'i.id = e.actorInstitutionId')
      .select('e')
      .addSelect('u.name', 'actorName')
      .addSelect('i.code', 'actorInstitutionCode')
      .orderBy('e.occurredAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit);
    if (query.userId) qb.andWhere('e.actorUserId = :userId', { userId: query.userId });
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurredAt < :to', { to: query.to });
    if (query.cursor) {
      // Below the cursor's event in (occurredAt, id) order, spelt without a row comparison: record_lt is not leakproof,
      // so under row-level security it could not bound the index scan (the timestamp comparison can).
      const at = `(SELECT c."occurredAt" FROM audit_events c WHERE c.id = CAST(:cursor AS bigint))`;
      qb.andWhere(`e.occurredAt <= ${at}`, { cursor: query.cursor });
      qb.andWhere(`(e.occurredAt < ${at} OR e.id < CAST(:cursor AS bigint))`);
    }
    return qb;
  }

  /**
   * The pseudonymous codes (`RT-2026-000123`) of the cases a page of events names, so the auditor reads codes, not
   * UUIDs. Auditors hold no case scope, so the look-up runs as the system role: a code is no personal data and only
   * the codes of the ids already on the page are returned (one primary-key look-up each).
   */
  async caseCodes(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.transactions.runAsSystem((manager) =>
      manager.query<{ id: string; code: string }[]>(`SELECT id, code FROM cases WHERE id = ANY(CAST($1 AS uuid[]))`, [ids]),
    );
    return new Map(rows.map((r) => [r.id, r.code]));
  }
}
