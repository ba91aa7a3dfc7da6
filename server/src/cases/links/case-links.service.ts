import { Injectable } from '@nestjs/common';
import { CaseLinksView, DuplicateHint, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, ConflictError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService } from '../core';
import { toDuplicateHints } from '../intake';
import { toLinkView, toOutgoingView } from './case-link-views';
import { CaseLinkRequestsRepository } from './case-link-requests.repository';
import { CreateLinkRequestDto } from './dto/link-request.dto';

/**
 * The requesting side, from one case: its possible duplicates, asking the institution that holds one to link, and
 * the links and requests of the case. The other case is never named unless the actor's scope already reaches it.
 */
@Injectable()
export class CaseLinksService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly links: CaseLinkRequestsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Possible duplicates of an existing case, from its stored victim (no identity travels in the request). Matching
   * is derived from identity, so roles that see cases pseudonymised (coordinators) get no hints.
   */
  async duplicates(actor: Actor, code: string): Promise<DuplicateHint[]> {
    const found = await this.access.requireCase(actor, code);
    if (!this.access.canReadIdentity(actor)) return [];
    const hints = toDuplicateHints(await this.links.duplicatesOf(found.id));
    await this.audit.record({ action: 'search', entityType: 'case', entityId: found.id, details: { kind: 'duplicates', hints: hints.length } });
    return hints;
  }

  async list(actor: Actor, code: string): Promise<CaseLinksView> {
    return this.access.readCase(actor, code, PERMISSIONS.casesRead, (found) => this.view(found.id), (view) => ({ section: 'links', links: view.links.length, requests: view.requests.length }));
  }

  /** Only to an institution where a possible duplicate really exists, and once while a request is open or accepted. */
  async request(actor: Actor, code: string, dto: CreateLinkRequestDto): Promise<CaseLinksView> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.casesUpdate);
    if (dto.institutionId === actor.institutionId) {
      throw new ValidationFailedError([{ field: 'institutionId', code: 'own_institution', message: 'A link request goes to another institution' }]);
    }
    const hints = await this.links.duplicatesOf(found.id);
    if (!hints.some((h) => h.institutionId === dto.institutionId && h.matchedOn === dto.matchedOn)) {
      throw new ValidationFailedError([{ field: 'institutionId', code: 'no_possible_duplicate', message: 'That institution holds no possible duplicate of this case on that match' }]);
    }
    if (await this.links.hasOpenRequest(found.id, dto.institutionId)) {
      throw new ConflictError('link_request_exists', 'This case already has an open or accepted link request to that institution');
    }
    const id = await this.links.insertRequest({
      requestingCaseId: found.id,
      requestingCaseCode: found.code,
      requestingInstitutionId: actor.institutionId,
      requestedById: actor.userId,
      targetInstitutionId: dto.institutionId,
      matchedOn: dto.matchedOn,
    });
    await this.audit.record({ action: 'create', entityType: 'case_link_request', entityId: id, details: { caseId: found.id, targetInstitutionId: dto.institutionId, matchedOn: dto.matchedOn } });
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { fields: ['linkRequests'], linkRequest: id, targetInstitutionId: dto.institutionId } });
    return this.view(found.id);
  }

  private async view(caseId: string): Promise<CaseLinksView> {
    const links = await this.links.linksOf(caseId);
    const requests = await this.links.outgoing(caseId);
    return { links: links.map(toLinkView), requests: requests.map(toOutgoingView) };
  }
}
