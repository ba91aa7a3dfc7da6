import { Injectable } from '@nestjs/common';
import { IncomingLinkRequestView, PERMISSIONS } from '@ruta/shared';
import { Actor, can, AuditService, ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService } from '../core';
import { CaseLinkRequestEntity } from './case-link-request.entity';
import { toIncomingView } from './case-link-views';
import { CaseLinkRequestsRepository } from './case-link-requests.repository';
import { AcceptLinkRequestDto, DeclineLinkRequestDto } from './dto/link-request.dto';

const INBOX_LIMIT = 100;

/**
 * The target side: requests sent to the actor's institution, each with the requester's code and only the
 * institution's own matching cases; accept (records a link between both cases) or decline with a reason.
 */
@Injectable()
export class LinkRequestInboxService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly links: CaseLinkRequestsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<IncomingLinkRequestView[]> {
    if (!can(actor, PERMISSIONS.casesUpdate)) throw new ForbiddenError();
    const rows = await this.links.incoming(actor.institutionId, INBOX_LIMIT);
    const views = await this.views(rows);
    await this.audit.record({ action: 'read', entityType: 'case_link_request', details: { direction: 'incoming', count: views.length, pending: views.filter((v) => v.status === 'pending').length } });
    return views;
  }

  async accept(actor: Actor, id: string, dto: AcceptLinkRequestDto): Promise<IncomingLinkRequestView> {
    const request = await this.pending(actor, id, dto.version);
    const match = (await this.links.matches(request.id)).find((m) => m.code === dto.caseCode.toUpperCase());
    if (!match) throw new ValidationFailedError([{ field: 'caseCode', code: 'not_a_match', message: 'caseCode must be one of the matching cases of your institution' }]);
    const target = await this.access.requireCase(actor, match.code, PERMISSIONS.casesUpdate);
    await this.links.insertLink({
      requestId: request.id,
      requestingCaseId: request.requestingCaseId,
      requestingInstitutionId: request.requestingInstitutionId,
      targetCaseId: target.id,
      targetInstitutionId: actor.institutionId,
      linkedById: actor.userId,
    });
    await this.decide(actor, request, dto.version, { status: 'accepted', declineReason: null });
    await this.audit.record({ action: 'update', entityType: 'case', entityId: target.id, details: { fields: ['links'], linkRequest: request.id, linkedInstitutionId: request.requestingInstitutionId } });
    return this.reload(actor, id);
  }

  async decline(actor: Actor, id: string, dto: DeclineLinkRequestDto): Promise<IncomingLinkRequestView> {
    const request = await this.pending(actor, id, dto.version);
    await this.decide(actor, request, dto.version, { status: 'declined', declineReason: dto.reason });
    return this.reload(actor, id);
  }

  /** A pending request sent to the actor's institution, at the version the actor saw. */
  private async pending(actor: Actor, id: string, version: number): Promise<CaseLinkRequestEntity> {
    if (!can(actor, PERMISSIONS.casesUpdate)) throw new ForbiddenError();
    const request = await this.links.findIncoming(id, actor.institutionId);
    if (!request) throw new NotFoundError('link request');
    if (request.status !== 'pending') throw new ConflictError('link_request_decided', 'This link request has already been decided', undefined, { currentVersion: request.version, status: request.status });
    if (request.version !== version) throw new StaleVersionError(request.version, ['status']);
    return request;
  }

  private async decide(actor: Actor, request: CaseLinkRequestEntity, version: number, decision: Pick<CaseLinkRequestEntity, 'status' | 'declineReason'>): Promise<void> {
    if (!(await this.links.decide(request.id, version, { ...decision, decidedById: actor.userId, decidedAt: () => 'now()' }))) throw new StaleVersionError();
    await this.audit.record({
      action: 'update',
      entityType: 'case_link_request',
      entityId: request.id,
      details: { fields: ['status'], decision: decision.status, ...(decision.declineReason ? { reason: decision.declineReason } : {}), fromVersion: version, toVersion: version + 1 },
    });
  }

  private async reload(actor: Actor, id: string): Promise<IncomingLinkRequestView> {
    const request = await this.links.findIncoming(id, actor.institutionId);
    if (!request) throw new NotFoundError('link request');
    return (await this.views([request]))[0];
  }

  private async views(rows: CaseLinkRequestEntity[]): Promise<IncomingLinkRequestView[]> {
    const linked = await this.links.linkedCodes(rows.filter((r) => r.status === 'accepted').map((r) => r.id));
    const matches = await this.links.matchCodes(rows.filter((r) => r.status === 'pending').map((r) => r.id));
    return rows.map((r) => toIncomingView(r, matches.get(r.id) ?? [], linked.get(r.id) ?? null));
  }
}
