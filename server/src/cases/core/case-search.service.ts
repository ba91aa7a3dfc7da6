import { Injectable } from '@nestjs/common';
import { CASE_COUNT_CAP, CaseSearchPage, FieldError, seesEveryCase } from '@ruta/shared';
import { Actor, AuditService, decodeCursor, encodeCursor, ForbiddenError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService } from './case-access.service';
import { caseScopeCondition } from './case-scope';
import { CaseSearchQuery, CaseSearchRepository } from './case-search.repository';
import { toCaseSummary } from './case-views';
import { CaseSearchDto } from './dto/case-requests.dto';
import { cleanNameQuery, normalizeDocumentNumber } from './search-terms';

/** Case lists and search within the actor's scope; every page is an audited read that lists the cases it showed. */
@Injectable()
export class CaseSearchService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly search: CaseSearchRepository,
    private readonly audit: AuditService,
  ) {}

  async find(actor: Actor, dto: CaseSearchDto): Promise<CaseSearchPage> {
    const identity = this.access.canReadIdentity(actor);
    if ((dto.name || dto.documentNumber) && !identity) {
      throw new ForbiddenError('identity_required', 'Your role cannot search by name or document number');
    }
    const errors: FieldError[] = [];
    const name = dto.name === undefined ? undefined : cleanNameQuery(dto.name);
    if (name === null) errors.push({ field: 'name', code: 'minLength', message: 'name must have at least 3 characters' });
    const documentNumber = dto.documentNumber === undefined ? undefined : normalizeDocumentNumber(dto.documentNumber);
    if (documentNumber === null) errors.push({ field: 'documentNumber', code: 'invalid', message: 'documentNumber must hold letters or digits' });
    if (errors.length) throw new ValidationFailedError(errors);

    const sort = dto.sort ?? 'created_desc';
    const limit = dto.limit ?? 25;
    const after = dto.cursor ? decodeCursor<{ s: string; t: string; i: string }>(dto.cursor) : undefined;
    if (after && (after.s !== sort || typeof after.t !== 'string' || typeof after.i !== 'string' || !/^[0-9a-f-]{36}$/.test(after.i))) {
      throw new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'cursor is not valid for this sort' }]);
    }
    const query = {
      ...dto,
      name: name ?? undefined,
      documentNumber: documentNumber ?? undefined,
      code: dto.code?.toUpperCase(),
      scope: caseScopeCondition(actor),
      userId: actor.userId,
      sort,
      after: after ? { at: after.t, id: after.i } : undefined,
      limit: limit + 1,
      withNames: identity,
    };
    const rows = await this.search.search(query);
    // The total is counted once, on the first page; later pages keep the one the list already shows. A first page that
    // is not full is the whole list: its length is the total (a name search saves its second pass over the index).
    const total = after ? undefined : rows.length <= limit ? { count: rows.length, more: false } : await this.total(actor, dto, query);
    const page = rows.slice(0, limit);
    const used = Object.keys(dto).filter((k) => !['cursor', 'limit', 'sort'].includes(k) && (dto as Record<string, unknown>)[k] !== undefined);
    // One event per page read, naming every case shown (a case opened from the list is an event of its own).
    await this.audit.record({ action: 'search', entityType: 'case', details: { filters: used, sort, results: page.length, identity, caseIds: page.map((r) => r.item.id) } });
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toCaseSummary(r.item, r.victimName)),
      limit,
      ...(total ? { total } : {}),
      ...(rows.length > limit && last ? { nextCursor: encodeCursor({ s: sort, t: last.cursorAt, i: last.item.id }) } : {}),
    };
  }

  /**
   * The list's total: exact from the summaries when the filters are only status (and institution, for scopes that see
   * whole institutions) — the default list of every role; otherwise counted on the filters' indexes up to
   * CASE_COUNT_CAP.
   */
  private async total(actor: Actor, dto: CaseSearchDto, query: CaseSearchQuery): Promise<{ count: number; more: boolean }> {
    const wholeInstitutions = actor.scope === 'institution' || seesEveryCase(actor.scope);
    const filters = Object.keys(dto).filter((k) => !['cursor', 'limit', 'sort', 'status', 'institutionId'].includes(k) && (dto as Record<string, unknown>)[k] !== undefined);
    if (actor.scope === 'assigned' && !filters.length && !query.institutionId?.length) {
      return { count: await this.search.countFromMemberSummary(actor.userId, query.status), more: false };
    }
    if (!wholeInstitutions || filters.length) return this.search.count(query, CASE_COUNT_CAP);
    const institutionIds = actor.scope === 'institution' ? [actor.institutionId] : undefined;
    const asked = query.institutionId?.length ? query.institutionId : undefined;
    const ids = institutionIds && asked ? asked.filter((id) => id === actor.institutionId) : (asked ?? institutionIds);
    if (ids && ids.length === 0) return { count: 0, more: false };
    return { count: await this.search.countFromSummary({ institutionIds: ids, statuses: query.status }), more: false };
  }
}
