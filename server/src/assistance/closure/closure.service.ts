import { Injectable, OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { CLOSABLE_STATUSES, CLOSURE_TO_CASE_REASON, ClosureInboxPage, ClosureRequestView, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, can, ConflictError, decodeCursor, encodeCursor, ForbiddenError, NotFoundError, StaleVersionError, TransactionRunner, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService, CaseEntity, CaseStatusService, CaseTransitionHooks, PlannedTransition } from '@ruta/cases';
import { Clock } from '@ruta/platform';
import { AssistanceRepository } from '../assistance.repository';
import { toClosureView } from '../assistance-views';
import { ClosureDecisionDto, ClosureRequestDto, PageQueryDto } from '../dto/assistance-requests.dto';
import { ClosureRequestEntity } from './closure-request.entity';

/**
 * Closure with approval: a caseworker asks (with a reason), a supervisor of the case's institution approves or rejects
 * it with a comment; approving closes the case through the case status machine. Deciding one's own request needs
 * `assistance:self_approve`. The case's own "close" move is refused for roles without that permission when they do
 * assistance work or the case has a plan: it goes through here.
 */
@Injectable()
export class ClosureService implements OnModuleInit {
  /** The case being closed by an approved request, in this async call chain (the gate lets it through). */
  private readonly approving = new AsyncLocalStorage<string>();

  constructor(
    private readonly access: CaseAccessService,
    private readonly repo: AssistanceRepository,
    private readonly caseStatus: CaseStatusService,
    private readonly hooks: CaseTransitionHooks,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.register({ before: (actor, found, plan) => this.gate(actor, found, plan) });
  }

  private async gate(actor: Actor, found: CaseEntity, plan: PlannedTransition): Promise<void> {
    if (plan.status !== 'closed' || this.approving.getStore() === found.id || can(actor, PERMISSIONS.assistanceSelfApprove)) return;
    const hasPlan = can(actor, PERMISSIONS.assistanceManage) || (await this.transactions.asSystem(async (m) => (await m.query(`SELECT 1 FROM assistance_plans WHERE "caseId" = $1`, [found.id])).length > 0));
    if (hasPlan) {
      throw new ConflictError('closure_approval_required', 'Closing this case needs a supervisor\u2019s approval: request the closure from its assistance tab', [
        { field: 'to', code: 'closure_approval_required', message: 'request the closure for approval' },
      ]);
    }
  }

  async request(actor: Actor, code: string, dto: ClosureRequestDto): Promise<ClosureRequestView> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.assistanceManage);
    if (found.status === 'closed') throw new ConflictError('case_closed', 'This case is closed already');
    if (!CLOSABLE_STATUSES.includes(found.status)) throw new ConflictError('transition_not_allowed', `A ${found.status} case cannot be closed`);
    const pending = await this.repo.latestClosure(found.id);
    if (pending?.status === 'pending') throw new ConflictError('closure_pending', 'A closure request for this case is waiting for approval already');
    const id = await this.repo.insertClosure({
      caseId: found.id,
      caseCode: found.code,
      institutionId: actor.institutionId,
      reason: dto.reason,
      note: dto.note?.trim() || null,
      requestedById: actor.userId,
    });
    await this.repo.alert(found.id, 'closure_requested', { owner: false, supervisors: true });
    await this.audit.record({ action: 'create', entityType: 'case', entityId: found.id, details: { section: 'assistance', closureRequest: id, reason: dto.reason } });
    return toClosureView((await this.repo.findClosure(id))!);
  }

  /** The approval inbox: the requests of the actor's institution, newest first (keyset pages with a total). */
  async inbox(actor: Actor, query: PageQueryDto & { status?: 'pending' | 'approved' | 'rejected' }): Promise<ClosureInboxPage> {
    const limit = query.limit ?? 25;
    const after = query.cursor ? decodeCursor<{ k: string; id: string }>(query.cursor) : undefined;
    const { rows, total } = await this.repo.closurePage(actor.institutionId, query.status ?? 'pending', limit, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await this.audit.record({ action: 'read', entityType: 'case_stats', details: { section: 'assistance_closures', shown: items.length } });
    return {
      items: items.map((r) => ({ ...toClosureView(r), caseStatus: r.caseStatus as ClosureInboxPage['items'][number]['caseStatus'] })),
      total,
      limit,
      ...(rows.length > limit && last ? { nextCursor: encodeCursor({ k: last.createdAt.toISOString(), id: last.id }) } : {}),
    };
  }

  async decide(actor: Actor, id: string, dto: ClosureDecisionDto): Promise<ClosureRequestView> {
    const request = await this.repo.findClosure(id);
    if (!request || request.institutionId !== actor.institutionId) throw new NotFoundError('closure request');
    const found = await this.access.requireCase(actor, request.caseCode, PERMISSIONS.assistanceApprove);
    if (request.requestedById === actor.userId && !can(actor, PERMISSIONS.assistanceSelfApprove)) {
      throw new ForbiddenError('self_approval_not_permitted', 'Another supervisor must decide your own closure request');
    }
    if (request.status !== 'pending') throw new ConflictError('closure_decided', `This closure request was ${request.status} already`);
    if (dto.version !== request.version) throw new StaleVersionError(request.version);
    if (dto.decision === 'reject' && !dto.comment?.trim()) throw new ValidationFailedError([{ field: 'comment', code: 'required', message: 'say why the closure is rejected' }]);
    if (dto.decision === 'approve' && found.status === 'closed') throw new ConflictError('case_closed', 'This case is closed already');
    const status = dto.decision === 'approve' ? 'approved' : 'rejected';
    const ok = await this.repo.decideClosure(id, dto.version, { status, decidedById: actor.userId, decidedAt: this.clock.now(), comment: dto.comment?.trim() || null });
    if (!ok) throw new StaleVersionError(await this.repo.currentVersion(ClosureRequestEntity, id));
    if (status === 'approved') {
      await this.approving.run(found.id, () => this.caseStatus.transition(actor, found.code, { version: found.version, to: 'closed', closeReason: CLOSURE_TO_CASE_REASON[request.reason] }));
    }
    await this.repo.alert(found.id, 'closure_decided', { owner: true, supervisors: false });
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { section: 'assistance', closureRequest: id, decision: status } });
    return toClosureView((await this.repo.findClosure(id))!);
  }
}
