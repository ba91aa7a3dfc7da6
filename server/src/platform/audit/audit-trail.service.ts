import { Injectable } from '@nestjs/common';
import { AuditEventView, AuditVerifyResponse, Page } from '@ruta/shared';
import { TransactionRunner } from '../database/transaction-runner';
import { verifyAuditChain } from './audit-chain';
import { AuditSealer } from './audit-sealer.service';
import { AuditRepository } from './audit.repository';
import { AuditQueryDto } from './dto/audit-query.dto';

/** The auditor's view of the trail: filtered reads and chain verification. */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly sealer: AuditSealer,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(query: AuditQueryDto): Promise<Page<AuditEventView>> {
    const limit = query.limit ?? 50;
    const rows = await this.repository.find(query, limit + 1);
    const items = rows.slice(0, limit).map(
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
        outcome: row.outcome,
        requestId: row.requestId,
        ip: row.ip,
        details: row.details,
      }),
    );
    return { items, limit, ...(rows.length > limit ? { nextCursor: items[items.length - 1].id } : {}) };
  }

  async verify(): Promise<AuditVerifyResponse> {
    await this.sealer.sealNow();
    return this.transactions.runAsSystem((manager) => verifyAuditChain(manager));
  }
}
