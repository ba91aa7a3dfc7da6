import { Injectable, StreamableFile } from '@nestjs/common';
import {
  approvalRefusal,
  carryOutRefusal,
  CreateErasureRequest,
  ErasureRefusal,
  ErasureRequestsPage,
  ErasureRequestView,
  ErasureSort,
  ErasureStatus,
  PERMISSIONS,
  statusAfterApproval,
} from '@ruta/shared';
import { Actor, AuditService, Clock, ConflictError, NotFoundError, StaleVersionError, TransactionRunner } from '@ruta/platform';
import { CaseAccessService } from '@ruta/cases';
import { CaseEraser } from '../erase/case-eraser';
import { erasureCertificatePdf } from './erasure-certificate.pdf';
import { ErasureRequestEntity } from './erasure-request.entity';
import { ErasureRepository, toErasureView } from './erasure.repository';

const REFUSALS: Record<ErasureRefusal, string> = {
  own_request: 'You recorded this request: two other people approve it',
  already_approved_by_you: 'You already approved this request: a second, different person approves it',
  not_pending: 'This request is no longer waiting for a decision',
  needs_two_approvals: 'The erasure needs the approval of two different people other than who recorded it',
  not_approved: 'The request is not approved',
};

function refused(refusal: ErasureRefusal): ConflictError {
  return new ConflictError(`erasure_${refusal}`, REFUSALS[refusal]);
}

function approvalState(r: ErasureRequestEntity) {
  return { status: r.status, recordedById: r.recordedById, approverIds: [r.firstApproverId, r.secondApproverId].filter((id): id is string => !!id) };
}

/**
 * Erasure on request (Law 1581 habeas data): recorded with its legal basis for a case in the recorder's scope (404
 * outside it), approved by two different people other than the recorder (`shared/src/privacy/erasure-approval.ts`,
 * re-checked by a database constraint), carried out in one system transaction as the retention erasure, and
 * certified by a PDF that names the case code, the dates and the categories erased and kept, never the person.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly repo: ErasureRepository,
    private readonly access: CaseAccessService,
    private readonly eraser: CaseEraser,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, body: CreateErasureRequest): Promise<ErasureRequestView> {
    const found = await this.access.requireCase(actor, body.caseCode, PERMISSIONS.privacyReview);
    const open = await this.repo.forCase(found.id);
    if (open.some((r) => r.status === 'pending' || r.status === 'approved')) throw new ConflictError('erasure_already_open', 'This case already has an erasure request waiting');
    const id = await this.repo.insert({
      caseId: found.id,
      caseCode: found.code,
      institutionId: found.ownerInstitutionId,
      legalBasis: body.legalBasis,
      requester: body.requester,
      reason: body.reason.trim(),
      receivedOn: body.receivedOn,
      recordedById: actor.userId,
    });
    await this.audit.record({ action: 'change_requested', entityType: 'case', entityId: found.id, details: { privacy: 'erasure_requested', erasureRequestId: id, legalBasis: body.legalBasis, requester: body.requester } });
    return this.view(actor, id);
  }

  page(actor: Actor, status: ErasureStatus | undefined, sort: ErasureSort = 'created_desc', limit = 25, cursor?: string): Promise<ErasureRequestsPage> {
    return this.repo.page(actor.userId, status, sort, limit, cursor);
  }

  async view(actor: Actor, id: string): Promise<ErasureRequestView> {
    return toErasureView(await this.require(id), actor.userId);
  }

  async approve(actor: Actor, id: string, version: number): Promise<ErasureRequestView> {
    const r = await this.require(id);
    const refusal = approvalRefusal(approvalState(r), actor.userId);
    if (refusal) throw refused(refusal);
    if (r.version !== version || !(await this.repo.approve(r, actor.userId, statusAfterApproval(approvalState(r), actor.userId)))) throw new StaleVersionError(r.version);
    await this.audit.record({ action: 'change_approved', entityType: 'case', entityId: r.caseId, details: { privacy: 'erasure_approved', erasureRequestId: r.id, approval: r.firstApproverId ? 2 : 1 } });
    return this.view(actor, id);
  }

  async refuse(actor: Actor, id: string, version: number, reason: string): Promise<ErasureRequestView> {
    const r = await this.require(id);
    if (r.status !== 'pending' && r.status !== 'approved') throw refused('not_pending');
    if (r.recordedById === actor.userId) throw refused('own_request');
    if (r.version !== version || !(await this.repo.refuse(r, actor.userId, reason.trim()))) throw new StaleVersionError(r.version);
    await this.audit.record({ action: 'change_refused', entityType: 'case', entityId: r.caseId, details: { privacy: 'erasure_refused', erasureRequestId: r.id } });
    return this.view(actor, id);
  }

  async carryOut(actor: Actor, id: string, version: number): Promise<ErasureRequestView> {
    const r = await this.require(id);
    const refusal = carryOutRefusal(approvalState(r));
    if (refusal) throw refused(refusal);
    if (r.version !== version) throw new StaleVersionError(r.version);
    await this.transactions.runAsSystem(async (manager) => {
      const locked = await ErasureRepository.lock(manager, id, version);
      if (!locked) throw new StaleVersionError();
      const again = carryOutRefusal(approvalState(locked));
      if (again) throw refused(again);
      const outcome = await this.eraser.eraseCase(manager, locked.caseId);
      await ErasureRepository.markCarriedOut(manager, id, actor.userId, outcome);
      await this.audit.record({
        action: 'delete',
        entityType: 'case',
        entityId: locked.caseId,
        details: { privacy: 'erasure_carried_out', erasureRequestId: id, erased: outcome.erased, kept: outcome.kept.map((k) => k.category) },
      });
    });
    return this.view(actor, id);
  }

  /** The certificate of a carried-out erasure, as a PDF download. */
  async certificate(actor: Actor, id: string, language: 'es' | 'en'): Promise<StreamableFile> {
    const r = await this.require(id);
    if (r.status !== 'carried_out' || !r.carriedOutAt) throw new ConflictError('erasure_not_carried_out', 'The certificate exists once the erasure is carried out');
    const content = await erasureCertificatePdf(
      {
        caseCode: r.caseCode,
        institution: r.institution?.name ?? '',
        legalBasis: r.legalBasis,
        requester: r.requester,
        receivedOn: r.receivedOn,
        approvedOn: [r.firstApprovedAt, r.secondApprovedAt].filter((d): d is Date => !!d),
        carriedOutAt: r.carriedOutAt,
        erased: r.erased,
        kept: r.kept,
        requestId: r.id,
      },
      language,
      this.clock.now(),
    );
    await this.audit.record({ action: 'export', entityType: 'case', entityId: r.caseId, details: { privacy: 'erasure_certificate', erasureRequestId: r.id, language } });
    const fileName = `${language === 'es' ? 'certificado-supresion' : 'erasure-certificate'}-${r.caseCode}.pdf`;
    return new StreamableFile(content, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"`, length: content.length });
  }

  /** A case's erasure requests and whether a criminal proceeding keeps part of it (audited as a read of the case). */
  async caseStatus(actor: Actor, code: string): Promise<{ caseCode: string; openProceeding: boolean; requests: ErasureRequestView[] }> {
    // The area's permission; the case scope still decides (404 outside it, a role without cases reaches none).
    return this.access.readCase(
      actor,
      code,
      PERMISSIONS.privacyReview,
      async (found) => {
        const openProceeding = await this.transactions.asSystem((manager) => this.eraser.openProceeding(manager, found.id));
        const requests = (await this.repo.forCase(found.id)).map((r) => toErasureView(r, actor.userId));
        return { caseCode: found.code, openProceeding, requests };
      },
      (result) => ({ section: 'privacy', requests: result.requests.length }),
    );
  }

  private async require(id: string): Promise<ErasureRequestEntity> {
    const r = await this.repo.find(id);
    if (!r) throw new NotFoundError('erasure request');
    return r;
  }
}
