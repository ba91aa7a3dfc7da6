import { Injectable } from '@nestjs/common';
import { AuditEventView, AuditHeadView, AuditVerifyResponse, Page } from '@ruta/shared';
import { TransactionRunner } from '../database/transaction-runner';
import { verifyAuditTrail } from './audit-anchor-check';
import { AuditAnchors } from './audit-anchors';
import { readChainHead } from './audit-chain';
import { AuditSealer } from './audit-sealer.service';
import { AuditRepository } from './audit.repository';
import { AuditQueryDto } from './dto/audit-query.dto';

/** The auditor's view of the trail: filtered reads, the chain's head and its verification against the anchors. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuditTrailService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly sealer: AuditSealer,
    private readonly transactions: TransactionRunner,
    private readonly anchors: AuditAnchors,
  ) {}

  async list(query: AuditQueryDto): Promise<Page<AuditEventView>> {
    const limit = query.limit ?? 50;
    const rows = await this.repository.find(query, limit + 1);
    const page = rows.slice(0, limit);
    const caseIds = [...new Set(page.filter((r) => r.entityType === 'case' && r.entityId && UUID.test(r.entityId)).map((r) => r.entityId!))];
    const codes = await this.repository.caseCodes(caseIds);
    const items = page.map(
      (row): AuditEventView => ({
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actorUserId: row.actorUserId,
        actorName: row.actorName,
        actorInstitutionCode: row.actorInstitutionCode,
        actorRole: row.actorRole,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        entityCode: row.entityType === 'case' && row.entityId ? (codes.get(row.entityId) ?? null) : null,
        outcome: row.outcome,
        requestId: row.requestId,
        ip: row.ip,
        details: row.details,
      }),
    );
    return { items, limit, ...(rows.length > limit ? { nextCursor: items[items.length - 1].id } : {}) };
  }

  /** The newest seal (read under the auditor's own transaction: audit_seals admits audit:read) and the newest anchor. */
  async head(): Promise<AuditHeadView> {
    const head = await readChainHead(this.transactions.manager);
    return {
      head: head && { seq: head.seq, eventId: head.eventId, hash: head.hash, sealedAt: head.sealedAt.toISOString() },
      sealed: head ? Number(head.seq) : 0,
      lastAnchor: await this.anchors.newest(),
    };
  }

  async verify(): Promise<AuditVerifyResponse> {
    await this.sealer.sealAndAnchor();
    return this.transactions.runAsSystem((manager) => verifyAuditTrail(manager, this.anchors));
  }
}
