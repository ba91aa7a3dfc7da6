import { Injectable } from '@nestjs/common';
import { OperationListItem, OperationView, CountedPage, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, NotFoundError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService, CaseEntity } from '@ruta/cases';
import { listPosition, nextListCursor } from '../list-cursor';
import { TraffickersRepository } from '../traffickers/traffickers.repository';
import { CreateOperationDto, LinkOperationTraffickerDto, ListQueryDto } from './dto/operation-requests.dto';
import { OperationsRepository } from './operations.repository';

const DEFAULT_LIMIT = 25;

/** Police and DAS operations: which victims (cases) they identified and whom they arrested. */
@Injectable()
export class OperationsService {
  constructor(
    private readonly operations: OperationsRepository,
    private readonly access: CaseAccessService,
    private readonly traffickers: TraffickersRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateOperationDto): Promise<OperationView> {
    if (!(await this.operations.municipalityExists(dto.municipalityCode))) {
      throw new ValidationFailedError([{ field: 'municipalityCode', code: 'invalid_divipola', message: 'municipalityCode is not a DIVIPOLA municipality code' }]);
    }
    const cases: CaseEntity[] = [];
    // One at a time: the request's transaction is one connection.
    for (const code of (dto.caseCodes ?? [])) cases.push(await this.access.requireCase(actor, code, PERMISSIONS.casesRead));
    const id = await this.operations.insert({
      institutionId: actor.institutionId,
      createdById: actor.userId,
      name: dto.name.trim(),
      occurredOn: dto.occurredOn,
      municipalityCode: dto.municipalityCode,
      type: dto.type,
      arrests: dto.arrests,
      description: dto.description?.trim() || null,
    });
    await this.operations.linkCases(id, cases.map((c) => c.id));
    await this.audit.record({ action: 'create', entityType: 'operation', entityId: id, details: { cases: cases.length } });
    for (const c of cases) await this.audit.record({ action: 'update', entityType: 'case', entityId: c.id, details: { section: 'operation', operation: id } });
    return (await this.operations.find(id))!;
  }

  async get(actor: Actor, id: string): Promise<OperationView> {
    const found = await this.operations.find(id);
    if (!found) throw new NotFoundError('operation');
    await this.audit.record({ action: 'read', entityType: 'operation', entityId: id, details: { cases: found.caseCodes.length, traffickers: found.traffickers.length } });
    return found;
  }

  /** Links an alleged trafficker the actor may see to an operation they may see (404 for either outside their scope). */
  async linkTrafficker(actor: Actor, id: string, dto: LinkOperationTraffickerDto): Promise<OperationView> {
    if (!(await this.operations.find(id))) throw new NotFoundError('operation');
    if (!(await this.traffickers.find(dto.traffickerId))) throw new NotFoundError('alleged trafficker');
    await this.operations.linkTrafficker(id, dto.traffickerId, dto.arrested ?? false);
    await this.audit.record({ action: 'update', entityType: 'operation', entityId: id, details: { trafficker: dto.traffickerId, arrested: dto.arrested ?? false } });
    return this.get(actor, id);
  }

  /** Takes an alleged trafficker out of an operation (audited); 404 for either record outside the actor's scope or no such link. */
  async unlinkTrafficker(actor: Actor, id: string, traffickerId: string): Promise<OperationView> {
    if (!(await this.operations.find(id))) throw new NotFoundError('operation');
    if (!(await this.traffickers.find(traffickerId))) throw new NotFoundError('alleged trafficker');
    if (!(await this.operations.unlinkTrafficker(id, traffickerId))) throw new NotFoundError('link');
    await this.audit.record({ action: 'update', entityType: 'operation', entityId: id, details: { trafficker: traffickerId, unlinked: true } });
    await this.audit.record({ action: 'update', entityType: 'trafficker', entityId: traffickerId, details: { operation: id, unlinked: true } });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: ListQueryDto): Promise<CountedPage<OperationListItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { after, order } = listPosition(query, 'desc');
    const { rows, total } = await this.operations.page(limit, after, order);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await this.audit.record({ action: 'read', entityType: 'operation', details: { list: true, ids: items.map((o) => o.id) } });
    return { items, total, limit, ...(rows.length > limit && last ? { nextCursor: nextListCursor({ k: last.occurredOn, id: last.id }, order) } : {}) };
  }
}
