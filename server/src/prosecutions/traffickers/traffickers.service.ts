import { Injectable } from '@nestjs/common';
import { CreateTraffickerResponse, CountedPage, PERMISSIONS, TraffickerListItem, TraffickerView } from '@ruta/shared';
import { Actor, AuditService, NotFoundError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService, CaseEntity } from '@ruta/cases';
import { listPosition, nextListCursor } from '../list-cursor';
import { OperationsRepository } from '../operations/operations.repository';
import { CreateTraffickerDto } from './dto/trafficker-requests.dto';
import { TraffickersRepository } from './traffickers.repository';

const DEFAULT_LIMIT = 25;
/** A list cursor's key: when the last row was recorded (UTC, microseconds). */
const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Alleged traffickers (persons and criminal organisations): the investigation file, its institution only. */
@Injectable()
export class TraffickersService {
  constructor(
    private readonly traffickers: TraffickersRepository,
    private readonly operations: OperationsRepository,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateTraffickerDto): Promise<CreateTraffickerResponse> {
    const cases: CaseEntity[] = [];
    // One at a time: the request's transaction is one connection.
    for (const code of (dto.caseCodes ?? [])) cases.push(await this.access.requireCase(actor, code, PERMISSIONS.casesRead));
    if (dto.operationId && !(await this.operations.find(dto.operationId))) throw new NotFoundError('operation');
    const id = await this.createRecord(actor, dto);
    await this.traffickers.linkCases(id, cases.map((c) => c.id));
    if (dto.operationId) await this.operations.linkTrafficker(dto.operationId, id, true);
    for (const c of cases) await this.audit.record({ action: 'update', entityType: 'case', entityId: c.id, details: { section: 'traffickers', trafficker: id } });
    const possibleDuplicates = await this.traffickers.possibleDuplicates(dto.name, dto.documentNumber?.trim() || null, id);
    return { trafficker: (await this.traffickers.find(id))!, possibleDuplicates };
  }

  /** The record alone (a defendant named in a proceeding creates one too). */
  async createRecord(actor: Actor, dto: Pick<CreateTraffickerDto, 'kind' | 'name' | 'aliases' | 'documentNumber' | 'nationality' | 'sex' | 'roles' | 'relationToVictim'>): Promise<string> {
    const id = await this.traffickers.insert({
      institutionId: actor.institutionId,
      createdById: actor.userId,
      kind: dto.kind,
      name: dto.name.trim(),
      aliases: (dto.aliases ?? []).map((a) => a.trim()).filter(Boolean),
      documentNumber: dto.documentNumber?.trim() || null,
      nationality: dto.nationality ?? null,
      sex: dto.sex ?? null,
      roles: dto.roles ?? [],
      relationToVictim: dto.relationToVictim?.trim() || null,
    });
    await this.audit.record({ action: 'create', entityType: 'trafficker', entityId: id, details: { kind: dto.kind } });
    return id;
  }

  async get(actor: Actor, id: string): Promise<TraffickerView> {
    const found = await this.traffickers.find(id);
    if (!found) throw new NotFoundError('alleged trafficker');
    await this.audit.record({ action: 'read', entityType: 'trafficker', entityId: id, details: { cases: found.caseCodes.length } });
    return found;
  }

  /** Takes an alleged trafficker off a case (audited on both); 404 for either outside the actor's scope or no such link. */
  async unlinkCase(actor: Actor, id: string, caseCode: string): Promise<TraffickerView> {
    if (!(await this.traffickers.find(id))) throw new NotFoundError('alleged trafficker');
    const found = await this.access.requireCase(actor, caseCode, PERMISSIONS.casesRead);
    if (!(await this.traffickers.unlinkCase(id, found.id))) throw new NotFoundError('link');
    await this.audit.record({ action: 'update', entityType: 'trafficker', entityId: id, details: { case: found.id, unlinked: true } });
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { section: 'traffickers', trafficker: id, unlinked: true } });
    return this.get(actor, id);
  }

  /**
   * The institution's alleged traffickers, newest record first unless `asc` (their names are encrypted: no order by
   * name), optionally searched by name or alias (one typo per word, accents aside) or exact document number.
   */
  async list(actor: Actor, query: { limit?: number; cursor?: string; q?: string; order?: 'asc' | 'desc' }): Promise<CountedPage<TraffickerListItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { after, order } = listPosition(query, 'desc');
    if (after && !RECORDED_AT.test(after.k)) throw new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'cursor is not valid' }]);
    const { rows, total } = await this.traffickers.page(actor.institutionId, limit, after, query.q?.trim() || undefined, order);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await this.audit.record({ action: 'read', entityType: 'trafficker', details: { list: true, ids: items.map((t) => t.id) } });
    return {
      items: items.map(({ k: _k, ...t }) => t),
      total,
      limit,
      ...(rows.length > limit && last ? { nextCursor: nextListCursor({ k: last.k, id: last.id }, order) } : {}),
    };
  }
}
