import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErasureRequestsPage, ErasureRequestView, ErasureSort, ErasureStatus } from '@ruta/shared';
import { decodeCursor, encodeCursor, RepositoryBase } from '@ruta/platform';
import { ErasureOutcome } from '../erase/case-eraser';
import { badCursor } from '../retention/retention.repository';
import { ErasureRequestEntity } from './erasure-request.entity';

const RELATIONS = { institution: true, recordedBy: true, firstApprover: true, secondApprover: true } as const;

export function toErasureView(r: ErasureRequestEntity, userId: string): ErasureRequestView {
  const approvals = [
    r.firstApproverId && r.firstApprovedAt ? { approverName: r.firstApprover?.name ?? '', approvedAt: r.firstApprovedAt.toISOString() } : null,
    r.secondApproverId && r.secondApprovedAt ? { approverName: r.secondApprover?.name ?? '', approvedAt: r.secondApprovedAt.toISOString() } : null,
  ].filter((a): a is { approverName: string; approvedAt: string } => a !== null);
  return {
    id: r.id,
    caseCode: r.caseCode,
    institutionName: r.institution?.name ?? '',
    legalBasis: r.legalBasis,
    requester: r.requester,
    reason: r.reason,
    receivedOn: r.receivedOn,
    status: r.status,
    recordedByName: r.recordedBy?.name ?? '',
    recordedByMe: r.recordedById === userId,
    approvals,
    approvedByMe: r.firstApproverId === userId || r.secondApproverId === userId,
    refusalReason: r.refusalReason,
    carriedOutAt: r.carriedOutAt?.toISOString() ?? null,
    erased: r.erased,
    kept: r.kept,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

/** Erasure requests, read and written as the acting user (row-level security: `privacy:review` and reach). */
@Injectable()
export class ErasureRepository extends RepositoryBase {
  async insert(values: Pick<ErasureRequestEntity, 'caseId' | 'caseCode' | 'institutionId' | 'legalBasis' | 'requester' | 'reason' | 'receivedOn' | 'recordedById'>): Promise<string> {
    return this.insertRow(ErasureRequestEntity, { ...values, status: 'pending', version: 1 });
  }

  async find(id: string): Promise<ErasureRequestEntity | null> {
    return this.manager.getRepository(ErasureRequestEntity).findOne({ where: { id }, relations: RELATIONS });
  }

  async forCase(caseId: string): Promise<ErasureRequestEntity[]> {
    return this.manager.getRepository(ErasureRequestEntity).find({ where: { caseId }, relations: RELATIONS, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async page(userId: string, status: ErasureStatus | undefined, sort: ErasureSort, limit: number, cursor?: string): Promise<ErasureRequestsPage> {
    const direction = sort === 'created_asc' ? 'ASC' : 'DESC';
    const query = this.manager
      .getRepository(ErasureRequestEntity)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.institution', 'institution')
      .leftJoinAndSelect('r.recordedBy', 'recordedBy')
      .leftJoinAndSelect('r.firstApprover', 'firstApprover')
      .leftJoinAndSelect('r.secondApprover', 'secondApprover');
    if (status) query.where('r.status = :status', { status });
    const total = await query.clone().getCount();
    if (cursor) {
      const key = decodeCursor<{ createdAt: string; id: string }>(cursor);
      if (Number.isNaN(Date.parse(String(key.createdAt))) || !/^[0-9a-f-]{36}$/i.test(String(key.id))) throw badCursor();
      query.andWhere(`(r."createdAt", r.id) ${direction === 'ASC' ? '>' : '<'} (:createdAt::timestamptz, :id::uuid)`, { createdAt: key.createdAt, id: key.id });
    }
    const rows = await query.orderBy('r.createdAt', direction).addOrderBy('r.id', direction).take(limit + 1).getMany();
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map((r) => toErasureView(r, userId)),
      total,
      limit,
      ...(last ? { nextCursor: encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) } : {}),
    };
  }

  async approve(r: ErasureRequestEntity, userId: string, status: ErasureStatus): Promise<boolean> {
    const now = new Date();
    const changes = r.firstApproverId ? { secondApproverId: userId, secondApprovedAt: now, status } : { firstApproverId: userId, firstApprovedAt: now, status };
    return this.applyVersioned(ErasureRequestEntity, r.id, r.version, changes);
  }

  async refuse(r: ErasureRequestEntity, userId: string, reason: string): Promise<boolean> {
    return this.applyVersioned(ErasureRequestEntity, r.id, r.version, { status: 'refused', refusedById: userId, refusalReason: reason });
  }

  /** In the system transaction of the erasure: the request, locked, if it still has this version. */
  static async lock(manager: EntityManager, id: string, version: number): Promise<ErasureRequestEntity | null> {
    return manager.getRepository(ErasureRequestEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id AND r.version = :version', { id, version }).getOne();
  }

  static async markCarriedOut(manager: EntityManager, id: string, userId: string, outcome: ErasureOutcome): Promise<void> {
    await manager.query(
      `UPDATE privacy_erasure_requests SET status = 'carried_out', "carriedOutById" = $2, "carriedOutAt" = now(), erased = $3, kept = $4::jsonb,
              version = version + 1, "updatedAt" = now()
        WHERE id = $1`,
      [id, userId, outcome.erased, JSON.stringify(outcome.kept)],
    );
    // A retention item of the same case has nothing left to erase.
    await manager.query(
      `UPDATE privacy_retention_items SET status = 'erased', "decidedById" = $2, "decidedAt" = now(), version = version + 1, "updatedAt" = now()
        WHERE "caseId" = (SELECT "caseId" FROM privacy_erasure_requests WHERE id = $1) AND status <> 'erased'`,
      [id, userId],
    );
  }
}
