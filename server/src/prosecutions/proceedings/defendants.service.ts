import { Injectable } from '@nestjs/common';
import { AppealView, planStageMove, ProceedingView, ProsecutionFieldError } from '@ruta/shared';
import { Actor, AuditService, ConflictError, NotFoundError, StaleVersionError, todayInColombia, ValidationFailedError } from '@ruta/platform';
import { Clock } from '@ruta/platform';
import { TraffickersService } from '../traffickers/traffickers.service';
import { AddDefendantDto, CreateAppealDto, CreateHearingDto, MoveDefendantDto, UpdateAppealDto } from './dto/proceeding-requests.dto';
import { ProceedingsRepository } from './proceedings.repository';
import { ProceedingsService } from './proceedings.service';

/** Defendants, each with their own Law 906 stage (only legal moves, each with its date and hearing), hearings, appeals. */
@Injectable()
export class DefendantsService {
  constructor(
    private readonly proceedings: ProceedingsRepository,
    private readonly service: ProceedingsService,
    private readonly traffickers: TraffickersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async requireProceeding(id: string) {
    const found = await this.proceedings.find(id);
    if (!found) throw new NotFoundError('proceeding');
    return found;
  }

  async add(actor: Actor, proceedingId: string, dto: AddDefendantDto): Promise<ProceedingView> {
    const proceeding = await this.requireProceeding(proceedingId);
    if (!dto.traffickerId === !dto.name) throw new ValidationFailedError([{ field: 'traffickerId', code: 'one_of', message: 'give either an alleged trafficker or the name of a new one' }]);
    let traffickerId = dto.traffickerId;
    if (traffickerId) {
      if (!(await this.proceedings.traffickerVisible(traffickerId))) throw new ValidationFailedError([{ field: 'traffickerId', code: 'invalid_reference', message: 'No alleged trafficker of yours has this id' }]);
      if (await this.proceedings.hasDefendant(proceedingId, traffickerId)) throw new ConflictError('already_defendant', 'This person is already a defendant in the proceeding');
    } else {
      traffickerId = await this.traffickers.createRecord(actor, { kind: 'person', name: dto.name!, sex: dto.sex, nationality: dto.nationality });
    }
    const id = await this.proceedings.addDefendant({
      proceedingId,
      institutionId: proceeding.institution.id,
      traffickerId,
      sex: dto.sex,
      nationality: dto.nationality ?? null,
      stageSince: proceeding.reportedOn,
      userId: actor.userId,
    });
    await this.audit.record({ action: 'create', entityType: 'proceeding', entityId: proceedingId, details: { defendant: id } });
    return this.service.view(actor, proceedingId);
  }

  async move(actor: Actor, proceedingId: string, defendantId: string, dto: MoveDefendantDto): Promise<ProceedingView> {
    const proceeding = await this.requireProceeding(proceedingId);
    const defendant = await this.proceedings.defendant(proceedingId, defendantId);
    if (!defendant) throw new NotFoundError('defendant');
    if (dto.version !== defendant.version) throw new StaleVersionError(defendant.version, ['stage']);
    const plan = planStageMove(defendant.stage, dto.to, dto.shortcut ?? null);
    if (!plan.ok) {
      const refusal: ProsecutionFieldError = { field: 'to', code: plan.code, message: plan.message, params: plan.params };
      throw new ConflictError('stage_not_allowed', plan.message, [refusal]);
    }
    const errors: (ProsecutionFieldError | { field: string; code: string; message: string })[] = [];
    if (dto.on < defendant.stageSince) errors.push({ field: 'on', code: 'before_stage', message: `on cannot be before the current stage began (${defendant.stageSince})`, params: { since: defendant.stageSince } });
    if (dto.on > todayInColombia(this.clock.now())) errors.push({ field: 'on', code: 'in_future', message: 'on cannot be in the future' });
    if (dto.hearingId && !(await this.proceedings.hearingOf(proceedingId, dto.hearingId))) errors.push({ field: 'hearingId', code: 'invalid_reference', message: 'the hearing must be one of this proceeding' });
    if (plan.to === 'sentencia_condenatoria' && !dto.sentence) errors.push({ field: 'sentence', code: 'required', message: 'a conviction records the sentence: prison months and fine' });
    if (plan.to !== 'sentencia_condenatoria' && dto.sentence) errors.push({ field: 'sentence', code: 'not_applicable', message: 'a sentence is recorded only with a conviction' });
    if (dto.detention && plan.to !== 'imputacion') errors.push({ field: 'detention', code: 'not_applicable', message: 'a measure of detention is recorded with the imputación' });
    if (errors.length) throw new ValidationFailedError(errors);
    const moved = await this.proceedings.moveDefendant(defendantId, dto.version, {
      stage: plan.to,
      stageSince: dto.on,
      detention: defendant.detention || !!dto.detention,
      prisonMonths: dto.sentence?.prisonMonths,
      fineSmlmv: dto.sentence?.fineSmlmv,
      accessoryPenalties: dto.sentence?.accessoryPenalties?.trim() || null,
      reparationOrdered: dto.sentence?.reparationOrdered?.trim() || null,
    });
    if (!moved) throw new StaleVersionError(undefined, ['stage']);
    await this.proceedings.insertEvent({
      defendantId,
      proceedingId,
      institutionId: proceeding.institution.id,
      from: defendant.stage,
      to: plan.to,
      on: dto.on,
      shortcut: plan.shortcut,
      hearingId: dto.hearingId ?? null,
      detention: !!dto.detention,
      userId: actor.userId,
    });
    await this.audit.record({ action: 'transition', entityType: 'proceeding', entityId: proceedingId, details: { defendant: defendantId, from: defendant.stage, to: plan.to, ...(plan.shortcut ? { shortcut: plan.shortcut } : {}) } });
    return this.service.view(actor, proceedingId);
  }

  async addHearing(actor: Actor, proceedingId: string, dto: CreateHearingDto): Promise<ProceedingView> {
    const proceeding = await this.requireProceeding(proceedingId);
    if (dto.defendantId && !(await this.proceedings.defendant(proceedingId, dto.defendantId))) {
      throw new ValidationFailedError([{ field: 'defendantId', code: 'invalid_reference', message: 'the defendant must be one of this proceeding' }]);
    }
    if (dto.nextAt && dto.nextAt <= dto.at) throw new ValidationFailedError([{ field: 'nextAt', code: 'before_hearing', message: 'the next date comes after the hearing' }]);
    const id = await this.proceedings.addHearing({
      proceedingId,
      institutionId: proceeding.institution.id,
      defendantId: dto.defendantId ?? null,
      at: dto.at,
      type: dto.type,
      court: dto.court.trim(),
      outcome: dto.outcome?.trim() || null,
      nextAt: dto.nextAt ?? null,
      userId: actor.userId,
    });
    await this.audit.record({ action: 'create', entityType: 'proceeding', entityId: proceedingId, details: { hearing: id, type: dto.type } });
    return this.service.view(actor, proceedingId);
  }

  async addAppeal(actor: Actor, proceedingId: string, dto: CreateAppealDto): Promise<ProceedingView> {
    const proceeding = await this.requireProceeding(proceedingId);
    if (!(await this.proceedings.defendant(proceedingId, dto.defendantId))) {
      throw new ValidationFailedError([{ field: 'defendantId', code: 'invalid_reference', message: 'the defendant must be one of this proceeding' }]);
    }
    const decision = dto.decision ?? 'pending';
    checkAppeal({ filedOn: dto.filedOn, decision, decidedOn: dto.decidedOn ?? null });
    const id = await this.proceedings.addAppeal({ proceedingId, institutionId: proceeding.institution.id, defendantId: dto.defendantId, filedOn: dto.filedOn, appellant: dto.appellant, decision, decidedOn: dto.decidedOn ?? null });
    await this.audit.record({ action: 'create', entityType: 'proceeding', entityId: proceedingId, details: { appeal: id } });
    return this.service.view(actor, proceedingId);
  }

  /** An appeal corrected or decided (its outcome and date), versioned: 409 on a stale version. */
  async updateAppeal(actor: Actor, proceedingId: string, appealId: string, dto: UpdateAppealDto): Promise<ProceedingView> {
    await this.requireProceeding(proceedingId);
    const current = await this.proceedings.appeal(proceedingId, appealId);
    if (!current) throw new NotFoundError('appeal');
    const { version, ...changes } = dto;
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    if (version !== current.version) throw new StaleVersionError(current.version, fields);
    const decision = changes.decision ?? current.decision;
    // Back to pending: the decision date goes with it unless the request says otherwise.
    const decidedOn = changes.decidedOn !== undefined ? changes.decidedOn : decision === 'pending' ? null : current.decidedOn;
    const next = { filedOn: changes.filedOn ?? current.filedOn, appellant: changes.appellant ?? current.appellant, decision, decidedOn };
    checkAppeal(next);
    if (!(await this.proceedings.updateAppeal(appealId, version, next))) throw new StaleVersionError(undefined, fields);
    await this.audit.record({ action: 'update', entityType: 'proceeding', entityId: proceedingId, details: { appeal: appealId, fields, decision } });
    return this.service.view(actor, proceedingId);
  }
}

/** A decided appeal has its decision date, a pending one none; the decision comes on or after the filing. */
function checkAppeal(a: Pick<AppealView, 'filedOn' | 'decision' | 'decidedOn'>): void {
  if ((a.decision === 'pending') !== !a.decidedOn) throw new ValidationFailedError([{ field: 'decidedOn', code: 'decision_date', message: 'a decided appeal has a decision date; a pending one has none' }]);
  if (a.decidedOn && a.decidedOn < a.filedOn) {
    const error: ProsecutionFieldError = { field: 'decidedOn', code: 'decided_before_filing', message: `the decision cannot come before the appeal was filed (${a.filedOn})`, params: { since: a.filedOn } };
    throw new ValidationFailedError([error]);
  }
}
