import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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

const INSERT_EVENTS = `INSERT INTO audit_events ("actorUserId", "actorInstitutionId", "actorRole", action, "entityType", "entityId", outcome, "requestId", ip, details)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::jsonb[])`;

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

  /**
   * One fixed statement for any number of events (columns as arrays, unnest), so every connection prepares it once and
   * no query builder runs per request: the audit insert is on the path of every read of victim data.
   */
  private async insert(manager: EntityManager, rows: Partial<AuditEventEntity>[]): Promise<void> {
    const column = <K extends keyof AuditEventEntity>(key: K) => rows.map((row) => row[key] ?? null);
    await manager.query(INSERT_EVENTS, [
      column('actorUserId'),
      column('actorInstitutionId'),
      column('actorRole'),
      column('action'),
      column('entityType'),
      column('entityId'),
      column('outcome'),
      column('requestId'),
      column('ip'),
      rows.map((row) => (row.details == null ? null : JSON.stringify(row.details))),
    ]);
  }
}
