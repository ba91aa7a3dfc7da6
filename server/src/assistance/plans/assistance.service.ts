import { Injectable } from '@nestjs/common';
import { ALERTING_RISK_LEVELS, AssistanceOverview, canMoveService, extendedDeadline, FieldError, PERMISSIONS, SERVICE_STATUS, ServiceStatus } from '@ruta/shared';
import { Actor, AuditService, ConflictError, NotFoundError, StaleVersionError, todayInColombia, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService, CaseEntity } from '@ruta/cases';
import { Clock } from '@ruta/platform';
import { AssistanceRepository } from '../assistance.repository';
import { toClosureView, toFollowUpView, toParticipantView, toRiskView, toServiceView, toTimerView } from '../assistance-views';
import { AssistancePlanDto, CreateServiceDto, ParticipantDto, FollowUpDto, PhaseExtensionDto, RiskAssessmentDto, UpdateServiceDto } from '../dto/assistance-requests.dto';
import { AssistancePlanEntity } from './assistance-plan.entity';
import { AssistanceServiceEntity } from './assistance-service.entity';

const label = (status: ServiceStatus) => SERVICE_STATUS.labels[status].en.toLowerCase();

/**
 * A case's assistance: the plan and its services, risk assessments, follow-ups and the phase timers' extensions. Every
 * read goes through the case's per-record check and is audited; nothing here ever asks for a complaint (C-470/2016).
 */
@Injectable()
export class AssistanceService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly repo: AssistanceRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  overview(actor: Actor, code: string): Promise<AssistanceOverview> {
    return this.access.readCase(actor, code, PERMISSIONS.assistanceRead, (found) => this.build(found), (o) => ({ section: 'assistance', services: o.services.length, risks: o.risks.length }));
  }

  private async build(found: CaseEntity): Promise<AssistanceOverview> {
    const now = this.clock.now();
    const today = todayInColombia(now);
    // One after another: the request's transaction is one connection, which runs one query at a time anyway.
    const plan = await this.repo.planOf(found.id);
    const participants = await this.repo.participantsOf(found.id);
    const services = await this.repo.servicesOf(found.id);
    const timers = await this.repo.timersOf(found.id);
    const risks = await this.repo.risksOf(found.id);
    const followUps = await this.repo.followUpsOf(found.id);
    const closure = await this.repo.latestClosure(found.id);
    return {
      caseCode: found.code,
      caseStatus: found.status,
      caseVersion: found.version,
      departmentCode: found.departmentCode,
      plan: plan && { id: plan.id, objectives: plan.objectives, version: plan.version },
      participants: participants.map(toParticipantView),
      services: services.map((s) => toServiceView(s, today)),
      timers: timers.map((t) => toTimerView(t, now)),
      risks: risks.map(toRiskView),
      followUps: followUps.map(toFollowUpView),
      closure: closure && toClosureView(closure),
      suggestProtectionReferral: !!risks[0] && ALERTING_RISK_LEVELS.includes(risks[0].level),
    };
  }

  private async writable(actor: Actor, code: string): Promise<CaseEntity> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.assistanceManage);
    if (found.status === 'closed') throw new ConflictError('case_closed', 'This case is closed: reopen it to change its assistance');
    return found;
  }

  private async after(actor: Actor, found: CaseEntity, action: 'create' | 'update', details: Record<string, unknown>): Promise<AssistanceOverview> {
    await this.audit.record({ action, entityType: 'case', entityId: found.id, details: { section: 'assistance', ...details } });
    return this.build(found);
  }

  async savePlan(actor: Actor, code: string, dto: AssistancePlanDto): Promise<AssistanceOverview> {
    const found = await this.writable(actor, code);
    const plan = await this.repo.planOf(found.id);
    if (!plan) {
      const id = await this.repo.insertPlan({ caseId: found.id, objectives: dto.objectives.trim(), createdById: actor.userId });
      return this.after(actor, found, 'create', { plan: id });
    }
    if (dto.version !== plan.version) throw new StaleVersionError(plan.version, ['objectives']);
    if (!(await this.repo.updatePlan(plan.id, plan.version, dto.objectives.trim()))) throw new StaleVersionError(await this.repo.currentVersion(AssistancePlanEntity, plan.id));
    return this.after(actor, found, 'update', { plan: plan.id, fields: ['objectives'] });
  }

  async addParticipant(actor: Actor, code: string, dto: ParticipantDto): Promise<AssistanceOverview> {
    const found = await this.writable(actor, code);
    const id = await this.repo.insertParticipant({ caseId: found.id, fullName: dto.fullName.trim(), relation: dto.relation, sex: dto.sex, ageBand: dto.ageBand ?? null, createdById: actor.userId });
    return this.after(actor, found, 'create', { participant: id, relation: dto.relation });
  }

  async addService(actor: Actor, code: string, dto: CreateServiceDto): Promise<AssistanceOverview> {
    const found = await this.writable(actor, code);
    const errors: FieldError[] = [];
    const participant = dto.participantId ? await this.repo.participantOfCase(dto.participantId, found.id) : null;
    if (dto.participantId && !participant) errors.push({ field: 'participantId', code: 'invalid_reference', message: 'the participant must be a beneficiary relative of this case' });
    if (participant && dto.beneficiary && dto.beneficiary !== participant.relation) errors.push({ field: 'beneficiary', code: 'mismatch', message: "beneficiary must be the participant's relation" });
    if (dto.providerInstitutionId && !(await this.repo.activeInstitution(dto.providerInstitutionId))) errors.push({ field: 'providerInstitutionId', code: 'invalid_reference', message: 'No active institution has this id' });
    if (dto.providerId && !(await this.repo.findProvider(dto.providerId))?.active) errors.push({ field: 'providerId', code: 'invalid_reference', message: 'No active provider of the directory has this id' });
    if (dto.consentId && !(await this.repo.consentOfCase(dto.consentId, found.id))) errors.push({ field: 'consentId', code: 'invalid_reference', message: 'the consent must be a valid consent of this case' });
    if (dto.dueOn && dto.dueOn < dto.plannedOn) errors.push({ field: 'dueOn', code: 'before_planned', message: 'dueOn cannot be before plannedOn' });
    if (errors.length) throw new ValidationFailedError(errors);
    const planId = (await this.repo.planOf(found.id))?.id ?? (await this.repo.insertPlan({ caseId: found.id, objectives: '', createdById: actor.userId }));
    const id = await this.repo.insertService({
      planId,
      caseId: found.id,
      phase: dto.phase,
      category: dto.category,
      beneficiary: participant?.relation ?? dto.beneficiary ?? 'victim',
      participantId: participant?.id ?? null,
      providerInstitutionId: dto.providerInstitutionId ?? null,
      providerId: dto.providerId ?? null,
      plannedOn: dto.plannedOn,
      dueOn: dto.dueOn ?? null,
      costCop: dto.costCop ?? null,
      notes: dto.notes?.trim() || null,
      consentId: dto.consentId ?? null,
      createdById: actor.userId,
    });
    return this.after(actor, found, 'create', { service: id, phase: dto.phase, category: dto.category });
  }

  async updateService(actor: Actor, id: string, dto: UpdateServiceDto): Promise<AssistanceOverview> {
    const service = await this.repo.findService(id);
    const code = service && (await this.repo.caseCode(service.caseId));
    const found = code ? await this.access.requireCase(actor, code, PERMISSIONS.assistanceManage) : null;
    if (!service || !found) throw new NotFoundError('service');
    if (found.status === 'closed') throw new ConflictError('case_closed', 'This case is closed: reopen it to change its assistance');
    if (dto.version !== service.version) throw new StaleVersionError(service.version);
    const changes: Partial<AssistanceServiceEntity> = {};
    const today = todayInColombia(this.clock.now());
    if (dto.status && dto.status !== service.status) {
      if (!canMoveService(service.status, dto.status)) {
        throw new ConflictError('service_transition_not_allowed', `A ${label(service.status)} service cannot be marked ${label(dto.status)}`, [
          { field: 'status', code: 'transition_not_allowed', message: `${service.status} → ${dto.status} is not allowed` },
        ]);
      }
      changes.status = dto.status;
      if (dto.status === 'in_progress') changes.startedOn = dto.startedOn ?? service.startedOn ?? today;
      if (dto.status === 'delivered') changes.deliveredOn = dto.deliveredOn ?? today;
    } else if (dto.deliveredOn && service.status !== 'delivered') {
      throw new ValidationFailedError([{ field: 'deliveredOn', code: 'not_applicable', message: 'deliveredOn is set when the service is marked delivered' }]);
    }
    if (dto.startedOn && !changes.startedOn) changes.startedOn = dto.startedOn;
    if (dto.dueOn !== undefined) changes.dueOn = dto.dueOn;
    if (dto.costCop !== undefined) changes.costCop = dto.costCop;
    if (dto.notes !== undefined) changes.notes = dto.notes.trim() || null;
    if (!(await this.repo.updateService(id, dto.version, changes))) throw new StaleVersionError(await this.repo.currentVersion(AssistanceServiceEntity, id));
    return this.after(actor, found, 'update', { service: id, fields: Object.keys(changes), ...(changes.status ? { from: service.status, to: changes.status } : {}) });
  }

  async assessRisk(actor: Actor, code: string, dto: RiskAssessmentDto): Promise<AssistanceOverview> {
    const found = await this.writable(actor, code);
    const id = await this.repo.insertRisk({
      caseId: found.id,
      kind: dto.kind,
      level: dto.level,
      threats: dto.threats,
      measures: dto.measures?.trim() || null,
      nextReviewOn: dto.nextReviewOn ?? null,
      assessedById: actor.userId,
    });
    const alerted = ALERTING_RISK_LEVELS.includes(dto.level) ? await this.repo.alert(found.id, 'high_risk', { owner: false, supervisors: true }) : 0;
    return this.after(actor, found, 'create', { risk: id, level: dto.level, alerted });
  }

  async addFollowUp(actor: Actor, code: string, dto: FollowUpDto): Promise<AssistanceOverview> {
    const found = await this.writable(actor, code);
    if (dto.nextOn && dto.nextOn < dto.contactOn) throw new ValidationFailedError([{ field: 'nextOn', code: 'before_contact', message: 'nextOn cannot be before contactOn' }]);
    const id = await this.repo.insertFollowUp({ caseId: found.id, contactOn: dto.contactOn, channel: dto.channel, outcome: dto.outcome, notes: dto.notes?.trim() || null, nextOn: dto.nextOn ?? null, byUserId: actor.userId });
    return this.after(actor, found, 'create', { followUp: id });
  }

  /** The one extension of a running phase (+3 days / +3 months), with a written justification. */
  async extendPhase(actor: Actor, code: string, dto: PhaseExtensionDto): Promise<AssistanceOverview> {
    const found = await this.writable(actor, code);
    const timer = await this.repo.runningTimer(found.id, dto.phase);
    if (!timer) throw new ConflictError('phase_not_running', 'The case is not in this assistance phase', [{ field: 'phase', code: 'not_running', message: 'no running timer for this phase' }]);
    if (timer.extendedAt) throw new ConflictError('already_extended', 'This phase was extended already: the law allows one extension');
    if (dto.version !== timer.version) throw new StaleVersionError(timer.version);
    const now = this.clock.now();
    // From the deadline it has: a window resumed after a suspension has its own.
    const deadlineAt = extendedDeadline(dto.phase, timer.deadlineAt);
    const ok = await this.repo.updateTimer(timer.id, dto.version, {
      deadlineAt,
      extendedAt: now,
      extendedById: actor.userId,
      extensionJustification: dto.justification.trim(),
      ...(deadlineAt > now ? { overdueAt: null } : {}),
    });
    if (!ok) throw new StaleVersionError(timer.version + 1);
    return this.after(actor, found, 'update', { timer: timer.id, phase: dto.phase, fields: ['deadlineAt'] });
  }
}
