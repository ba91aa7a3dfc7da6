import { Injectable } from '@nestjs/common';
import { CaseProceedingSummary, CaseProsecutionsView, CountedPage, parseNunc, PERMISSIONS, ProceedingListItem, ProceedingView, ProsecutionFieldError } from '@ruta/shared';
import { Actor, AuditService, ConflictError, NotFoundError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService, CaseEntity } from '@ruta/cases';
import { Clock } from '@ruta/platform';
import { listPosition, nextListCursor } from '../list-cursor';
import { OperationsRepository } from '../operations/operations.repository';
import { CreateProceedingDto, ProceedingListQueryDto } from './dto/proceeding-requests.dto';
import { toProceedingView } from './proceeding-views';
import { ProceedingsRepository } from './proceedings.repository';

const DEFAULT_LIMIT = 25;

/**
 * Criminal proceedings (noticia criminal): the NUNC checked against DIVIPOLA and its year, the offences, the victims
 * (their cases, each in the actor's scope). Defendants and their stages are DefendantsService's.
 */
@Injectable()
export class ProceedingsService {
  constructor(
    private readonly proceedings: ProceedingsRepository,
    private readonly operations: OperationsRepository,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateProceedingDto): Promise<ProceedingView> {
    const nunc = dto.nunc.replace(/\s+/g, '');
    await this.checkNunc(nunc, dto.reportedOn);
    if (dto.offences.includes('other') && !dto.otherOffence?.trim()) {
      throw new ValidationFailedError([{ field: 'otherOffence', code: 'required', message: 'name the other offence charged' }]);
    }
    if (dto.operationId && !(await this.operations.find(dto.operationId))) throw new NotFoundError('operation');
    const cases: CaseEntity[] = [];
    // One at a time: the request's transaction is one connection.
    for (const v of dto.victims) cases.push(await this.access.requireCase(actor, v.caseCode, PERMISSIONS.casesRead));
    const id = await this.proceedings.insert({
      institutionId: actor.institutionId,
      createdById: actor.userId,
      nunc,
      reportedOn: dto.reportedOn,
      municipalityCode: nunc.slice(0, 5),
      prosecutorUnit: dto.prosecutorUnit.trim(),
      prosecutorName: dto.prosecutorName.trim(),
      offences: dto.offences,
      otherOffence: dto.offences.includes('other') ? dto.otherOffence!.trim() : null,
      operationId: dto.operationId ?? null,
    });
    await this.proceedings.addVictims(id, dto.victims.map((v, i) => ({ caseId: cases[i].id, role: v.role, protectionMeasures: v.protectionMeasures ?? [] })));
    await this.audit.record({ action: 'create', entityType: 'proceeding', entityId: id, details: { victims: cases.length, offences: dto.offences } });
    for (const c of cases) await this.audit.record({ action: 'update', entityType: 'case', entityId: c.id, details: { section: 'proceedings', proceeding: id } });
    return this.view(actor, id);
  }

  /** Format and year (shared rule), then the municipality against DIVIPOLA, then uniqueness; one clear message each. */
  private async checkNunc(nunc: string, reportedOn: string): Promise<void> {
    const fail = (error: ProsecutionFieldError) => new ValidationFailedError([error], error.message);
    const parsed = parseNunc(nunc, this.clock.now().getUTCFullYear());
    if (!parsed.ok) throw fail({ field: 'nunc', code: parsed.code, message: parsed.message, ...(parsed.code === 'nunc_year' ? { params: parsed.params } : {}) });
    const municipality = parsed.parts.municipalityCode;
    if (!(await this.proceedings.municipalityExists(municipality))) {
      throw fail({ field: 'nunc', code: 'nunc_divipola', message: `The first five digits of the noticia criminal number (${municipality}) are not a DIVIPOLA municipality`, params: { municipality } });
    }
    if (Number(reportedOn.slice(0, 4)) !== parsed.parts.year) {
      throw fail({ field: 'reportedOn', code: 'nunc_year_mismatch', message: `The noticia criminal number is of ${parsed.parts.year}; the report date must be in that year`, params: { year: parsed.parts.year } });
    }
    if (await this.proceedings.nuncTaken(nunc)) throw new ConflictError('nunc_taken', 'A proceeding with this noticia criminal number is already recorded', [{ field: 'nunc', code: 'nunc_taken', message: 'this noticia criminal number is already recorded' }]);
  }

  async get(actor: Actor, id: string): Promise<ProceedingView> {
    const view = await this.view(actor, id);
    await this.audit.record({ action: 'read', entityType: 'proceeding', entityId: id, details: { pseudonymised: view.pseudonymised, defendants: view.defendants.length, victims: view.victims.length } });
    return view;
  }

  async list(actor: Actor, query: ProceedingListQueryDto): Promise<CountedPage<ProceedingListItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { after, order } = listPosition(query, 'desc');
    const { rows, total } = await this.proceedings.page(limit, after, undefined, order);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await this.audit.record({ action: 'read', entityType: 'proceeding', details: { list: true, ids: items.map((p) => p.id) } });
    return { items: items.map(({ k: _k, ...p }) => p), total, limit, ...(rows.length > limit && last ? { nextCursor: nextListCursor(last, order) } : {}) };
  }

  /** The case's tab: its proceedings, operations and alleged traffickers, as the reader may see them (one audited read). */
  ofCase(actor: Actor, code: string): Promise<CaseProsecutionsView> {
    return this.access.readCase(
      actor,
      code,
      PERMISSIONS.proceedingsRead,
      async (found) => {
        const { rows } = await this.proceedings.page(100, undefined, found.id);
        const links = await this.proceedings.caseLinks(found.id);
        return { proceedings: rows.map(({ k: _k, ...p }) => p), ...links };
      },
      (r) => ({ section: 'prosecutions', proceedings: r.proceedings.length, operations: r.operations.length, traffickers: r.traffickers.length }),
    );
  }

  /** What a caseworker may know to accompany the victim: stages and the next hearing, never the file. */
  summaryOfCase(actor: Actor, code: string): Promise<CaseProceedingSummary[]> {
    return this.access.readCase(actor, code, PERMISSIONS.casesRead, (found) => this.proceedings.summary(found.id), (r) => ({ section: 'proceedings_summary', count: r.length }));
  }

  async view(actor: Actor, id: string): Promise<ProceedingView> {
    const found = await this.proceedings.find(id);
    if (!found) throw new NotFoundError('proceeding');
    const [victims, defendants, history, hearings, appeals] = [
      await this.proceedings.victims(id),
      await this.proceedings.defendants(id),
      await this.proceedings.history(id),
      await this.proceedings.hearings(id),
      await this.proceedings.appeals(id),
    ];
    return toProceedingView(found, { victims, defendants, history, hearings, appeals }, actor.scope === 'all_pseudonymised');
  }
}
