import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditAction, AuditEntityType } from '@ruta/shared';
import { Actor } from '../access/actor';
import { currentRequest } from '../access/request-context';
import { TransactionRunner } from '../database/transaction-runner';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  action: AuditAction;
  /** One of AUDIT_ENTITY_TYPES (shared): a new kind of entity is added there first, with its labels. */
  entityType?: AuditEntityType;
  entityId?: string;
  outcome?: 'success' | 'denied' | 'failure';
  /** Field names, counts, codes. Never names, document numbers, places or free text about a person. */
  details?: Record<string, unknown>;
  /** Defaults to the request's actor. Login events name the user before a session exists. */
  actor?: Pick<Actor, 'userId' | 'institutionId' | 'roleCode'> | null;
}

/**
 * Writes audit events. Inside a request transaction the event commits or rolls back with the data it describes;
 * outside one (a denied request, a failed login) it is written in a transaction of its own.
 */
@Injectable()
export class AuditService {
  constructor(private readonly transactions: TransactionRunner) {}

  async record(entry: AuditEntry): Promise<void> {
    const event = this.toRow(entry);
    if (this.transactions.inTransaction) {
      await this.insert(this.transactions.manager, [event]);
    } else {
      await this.transactions.runAsSystem((manager) => this.insert(manager, [event]));
    }
  }

  /** Several events in one statement (e.g. a list read: one event per case shown). */
  async recordMany(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.insert(this.transactions.manager, entries.map((e) => this.toRow(e)));
  }

  private toRow(entry: AuditEntry): Partial<AuditEventEntity> {
    const request = currentRequest();
    const actor = entry.actor === undefined ? request?.actor : entry.actor;
    return {
      actorUserId: actor?.userId ?? null,
      actorInstitutionId: actor?.institutionId ?? null,
      actorRole: actor?.roleCode ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      outcome: entry.outcome ?? 'success',
      requestId: request?.requestId ?? null,
      ip: request?.ip ?? null,
      details: entry.details ?? null,
    };
  }

  private async insert(manager: EntityManager, rows: Partial<AuditEventEntity>[]): Promise<void> {
    await manager.createQueryBuilder().insert().into(AuditEventEntity).values(rows as QueryDeepPartialEntity<AuditEventEntity>[]).updateEntity(false).execute();
  }
}
