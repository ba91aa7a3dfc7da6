import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AssistanceAlertKind, AssistancePhase, ClosureStatus, ServiceCategory } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { ClosureRequestEntity } from './closure/closure-request.entity';
import { ServiceProviderEntity } from './directory/service-provider.entity';
import { AssistanceAlertEntity } from './my-day/assistance-alert.entity';
import { AssistanceParticipantEntity } from './plans/assistance-participant.entity';
import { AssistancePlanEntity } from './plans/assistance-plan.entity';
import { AssistanceServiceEntity } from './plans/assistance-service.entity';
import { FollowUpEntity } from './risk/follow-up.entity';
import { RiskAssessmentEntity } from './risk/risk-assessment.entity';
import { PhaseTimerEntity } from './timers/phase-timer.entity';

/** The assistance area's tables, read and written in the request transaction (row-level security applies). */
@Injectable()
export class AssistanceRepository extends RepositoryBase {
  planOf(caseId: string): Promise<AssistancePlanEntity | null> {
    return this.manager.getRepository(AssistancePlanEntity).findOneBy({ caseId });
  }

  insertPlan(values: QueryDeepPartialEntity<AssistancePlanEntity>): Promise<string> {
    return this.insertRow(AssistancePlanEntity, { ...values, version: 1 });
  }

  updatePlan(id: string, version: number, objectives: string): Promise<boolean> {
    return this.applyVersioned(AssistancePlanEntity, id, version, { objectives });
  }

  participantsOf(caseId: string): Promise<AssistanceParticipantEntity[]> {
    return this.manager.getRepository(AssistanceParticipantEntity).find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  participantOfCase(id: string, caseId: string): Promise<AssistanceParticipantEntity | null> {
    return this.manager.getRepository(AssistanceParticipantEntity).findOneBy({ id, caseId });
  }

  insertParticipant(values: QueryDeepPartialEntity<AssistanceParticipantEntity>): Promise<string> {
    return this.insertRow(AssistanceParticipantEntity, { ...values, version: 1 });
  }

  servicesOf(caseId: string): Promise<AssistanceServiceEntity[]> {
    return this.manager.getRepository(AssistanceServiceEntity).find({
      where: { caseId },
      relations: { providerInstitution: true, provider: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findService(id: string): Promise<AssistanceServiceEntity | null> {
    return this.manager.getRepository(AssistanceServiceEntity).findOneBy({ id });
  }

  insertService(values: QueryDeepPartialEntity<AssistanceServiceEntity>): Promise<string> {
    return this.insertRow(AssistanceServiceEntity, { ...values, version: 1 });
  }

  updateService(id: string, version: number, changes: QueryDeepPartialEntity<AssistanceServiceEntity>): Promise<boolean> {
    return this.applyVersioned(AssistanceServiceEntity, id, version, changes);
  }

  async currentVersion(entity: typeof AssistanceServiceEntity | typeof AssistancePlanEntity | typeof PhaseTimerEntity | typeof ClosureRequestEntity, id: string): Promise<number | undefined> {
    const row = await this.manager.getRepository<{ id: string; version: number }>(entity).findOne({ where: { id }, select: { id: true, version: true } });
    return row?.version;
  }

  timersOf(caseId: string): Promise<PhaseTimerEntity[]> {
    return this.manager.getRepository(PhaseTimerEntity).find({ where: { caseId }, order: { startedAt: 'ASC' } });
  }

  runningTimer(caseId: string, phase: AssistancePhase): Promise<PhaseTimerEntity | null> {
    return this.manager.getRepository(PhaseTimerEntity).createQueryBuilder('t').where('t."caseId" = :caseId AND t.phase = :phase AND t."endedAt" IS NULL', { caseId, phase }).getOne();
  }

  async startTimer(caseId: string, phase: AssistancePhase, startedAt: Date, deadlineAt: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO assistance_phase_timers ("caseId", phase, "startedAt", "deadlineAt", version) VALUES ($1, $2, $3, $4, 1) ON CONFLICT ON CONSTRAINT "UQ_assistance_phase_timers_entry" DO NOTHING`,
      [caseId, phase, startedAt, deadlineAt],
    );
  }

  /** The phase's window that ended last (the one a resumption after a suspension continues). */
  lastEndedTimer(caseId: string, phase: AssistancePhase): Promise<PhaseTimerEntity | null> {
    return this.manager.getRepository(PhaseTimerEntity).createQueryBuilder('t').where('t."caseId" = :caseId AND t.phase = :phase AND t."endedAt" IS NOT NULL', { caseId, phase }).orderBy('t."endedAt"', 'DESC').getOne();
  }

  /** A new window of the phase that continues `previous`: its remaining time, extension and overdue mark. */
  async resumeTimer(previous: PhaseTimerEntity, startedAt: Date, deadlineAt: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO assistance_phase_timers ("caseId", phase, "startedAt", "deadlineAt", "extendedAt", "extendedById", "extensionJustification", "overdueAt", version)
       SELECT "caseId", phase, $2, $3, "extendedAt", "extendedById", "extensionJustification", "overdueAt", 1 FROM assistance_phase_timers WHERE id = $1
       ON CONFLICT ON CONSTRAINT "UQ_assistance_phase_timers_entry" DO NOTHING`,
      [previous.id, startedAt, deadlineAt],
    );
  }

  async endTimers(caseId: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE assistance_phase_timers SET "endedAt" = $2, version = version + 1, "updatedAt" = now() WHERE "caseId" = $1 AND "endedAt" IS NULL`, [caseId, at]);
  }

  updateTimer(id: string, version: number, changes: QueryDeepPartialEntity<PhaseTimerEntity>): Promise<boolean> {
    return this.applyVersioned(PhaseTimerEntity, id, version, changes);
  }

  risksOf(caseId: string): Promise<RiskAssessmentEntity[]> {
    return this.manager.getRepository(RiskAssessmentEntity).find({ where: { caseId }, relations: { assessedBy: true }, order: { assessedAt: 'DESC' } });
  }

  insertRisk(values: QueryDeepPartialEntity<RiskAssessmentEntity>): Promise<string> {
    return this.insertRow(RiskAssessmentEntity, values);
  }

  followUpsOf(caseId: string): Promise<FollowUpEntity[]> {
    return this.manager.getRepository(FollowUpEntity).find({ where: { caseId }, relations: { byUser: true }, order: { contactOn: 'DESC', createdAt: 'DESC' } });
  }

  insertFollowUp(values: QueryDeepPartialEntity<FollowUpEntity>): Promise<string> {
    return this.insertRow(FollowUpEntity, values);
  }

  latestClosure(caseId: string): Promise<ClosureRequestEntity | null> {
    return this.manager.getRepository(ClosureRequestEntity).findOne({ where: { caseId }, relations: { requestedBy: true, decidedBy: true }, order: { createdAt: 'DESC' } });
  }

  findClosure(id: string): Promise<ClosureRequestEntity | null> {
    return this.manager.getRepository(ClosureRequestEntity).findOne({ where: { id }, relations: { requestedBy: true, decidedBy: true } });
  }

  insertClosure(values: QueryDeepPartialEntity<ClosureRequestEntity>): Promise<string> {
    return this.insertRow(ClosureRequestEntity, { ...values, version: 1 });
  }

  decideClosure(id: string, version: number, changes: QueryDeepPartialEntity<ClosureRequestEntity>): Promise<boolean> {
    return this.applyVersioned(ClosureRequestEntity, id, version, changes, { sql: `status = 'pending'`, params: {} });
  }

  /** One keyset page of the closure requests of an institution, newest first, with the case's status. */
  async closurePage(institutionId: string, status: ClosureStatus, limit: number, after?: { k: string; id: string }): Promise<{ rows: (ClosureRequestEntity & { caseStatus: string })[]; total: number }> {
    const base = () =>
      this.manager
        .getRepository(ClosureRequestEntity)
        .createQueryBuilder('r')
        .where('r."institutionId" = :institutionId AND r.status = :status', { institutionId, status });
    const total = await base().getCount();
    const query = base().leftJoinAndSelect('r.requestedBy', 'requestedBy').leftJoinAndSelect('r.decidedBy', 'decidedBy').innerJoin('r.case', 'c').addSelect('c.status', 'caseStatus');
    if (after) query.andWhere('(r."createdAt" < :k OR (r."createdAt" = :k AND r.id < :id))', { k: after.k, id: after.id });
    const { entities, raw } = await query.orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').limit(limit + 1).getRawAndEntities();
    return { rows: entities.map((e, i) => Object.assign(e, { caseStatus: raw[i].caseStatus as string })), total };
  }

  /** Alerts for the owner side (creator, assignees) and/or the case institution's approvers, never the actor. */
  async alert(caseId: string, kind: AssistanceAlertKind, to: { owner: boolean; supervisors: boolean }): Promise<number> {
    const [row] = await this.manager.query(`SELECT ruta_assistance_alert($1, $2, $3, $4) AS n`, [caseId, kind, to.owner, to.supervisors]);
    return Number(row.n);
  }

  alertsOf(userId: string, limit: number): Promise<AssistanceAlertEntity[]> {
    return this.manager.getRepository(AssistanceAlertEntity).find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async markAlertRead(id: string, userId: string, at: Date): Promise<boolean> {
    const result = await this.manager.getRepository(AssistanceAlertEntity).update({ id, userId }, { readAt: at });
    return (result.affected ?? 0) > 0;
  }

  providers(filter: { category?: ServiceCategory; department?: string; activeOnly: boolean }): Promise<ServiceProviderEntity[]> {
    const query = this.manager.getRepository(ServiceProviderEntity).createQueryBuilder('p').leftJoinAndSelect('p.institution', 'institution');
    if (filter.activeOnly) query.andWhere('p.active');
    if (filter.category) query.andWhere(':category = ANY (p.categories)', { category: filter.category });
    // A provider with no department listed covers the whole country.
    if (filter.department) query.andWhere(`(:department = ANY (p."departmentCodes") OR p."departmentCodes" = '{}')`, { department: filter.department });
    return query.orderBy('p.name', 'ASC').limit(200).getMany();
  }

  findProvider(id: string): Promise<ServiceProviderEntity | null> {
    return this.manager.getRepository(ServiceProviderEntity).findOne({ where: { id }, relations: { institution: true } });
  }

  insertProvider(values: QueryDeepPartialEntity<ServiceProviderEntity>): Promise<string> {
    return this.insertRow(ServiceProviderEntity, { ...values, version: 1 });
  }

  updateProvider(id: string, version: number, changes: QueryDeepPartialEntity<ServiceProviderEntity>): Promise<boolean> {
    return this.applyVersioned(ServiceProviderEntity, id, version, changes);
  }

  async consentOfCase(consentId: string, caseId: string): Promise<boolean> {
    const rows = await this.manager.query(`SELECT 1 FROM consents WHERE id = $1 AND "caseId" = $2 AND "revokedAt" IS NULL`, [consentId, caseId]);
    return rows.length > 0;
  }

  /** The code of a case the actor can see (row-level security), to run the case's per-record check. */
  async caseCode(caseId: string): Promise<string | null> {
    const rows: { code: string }[] = await this.manager.query(`SELECT code FROM cases WHERE id = $1`, [caseId]);
    return rows[0]?.code ?? null;
  }

  /** The reporting counts (`ruta_assistance_counts()`): one row per dimension and value, plus the total. */
  counts(from: string, to: string, institutionId: string | null): Promise<{ dimension: 'total' | 'phase' | 'category' | 'sex' | 'ageBand' | 'nationality' | 'purpose'; value: string; victims: number }[]> {
    return this.manager.query(`SELECT dimension, value, victims FROM ruta_assistance_counts($1, $2, $3)`, [from, to, institutionId]);
  }

  async activeInstitution(id: string): Promise<boolean> {
    const rows = await this.manager.query(`SELECT 1 FROM institutions WHERE id = $1 AND active`, [id]);
    return rows.length > 0;
  }
}
