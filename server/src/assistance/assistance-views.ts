import { ParticipantView, AssistanceServiceView, ClosureRequestView, FollowUpView, PhaseTimerView, RiskAssessmentView, SERVICE_TRANSITIONS, ServiceProviderView, daysLeft } from '@ruta/shared';
import { ClosureRequestEntity } from './closure/closure-request.entity';
import { ServiceProviderEntity } from './directory/service-provider.entity';
import { AssistanceParticipantEntity } from './plans/assistance-participant.entity';
import { AssistanceServiceEntity } from './plans/assistance-service.entity';
import { FollowUpEntity } from './risk/follow-up.entity';
import { RiskAssessmentEntity } from './risk/risk-assessment.entity';
import { PhaseTimerEntity } from './timers/phase-timer.entity';

const ref = (u?: { id: string; name: string } | null) => (u ? { id: u.id, name: u.name } : null);

export function toServiceView(s: AssistanceServiceEntity, today: string): AssistanceServiceView {
  const open = s.status === 'planned' || s.status === 'in_progress';
  return {
    id: s.id,
    phase: s.phase,
    category: s.category,
    beneficiary: s.beneficiary,
    participantId: s.participantId,
    providerInstitution: s.providerInstitution ? { id: s.providerInstitution.id, code: s.providerInstitution.code, name: s.providerInstitution.name } : null,
    provider: ref(s.provider),
    status: s.status,
    plannedOn: s.plannedOn,
    dueOn: s.dueOn,
    startedOn: s.startedOn,
    deliveredOn: s.deliveredOn,
    costCop: s.costCop,
    notes: s.notes,
    consentId: s.consentId,
    overdue: open && !!s.dueOn && s.dueOn < today,
    moves: [...SERVICE_TRANSITIONS[s.status]],
    version: s.version,
  };
}

export function toParticipantView(p: AssistanceParticipantEntity): ParticipantView {
  return { id: p.id, fullName: p.fullName, relation: p.relation, sex: p.sex, ageBand: p.ageBand, version: p.version };
}

export function toTimerView(t: PhaseTimerEntity, now: Date): PhaseTimerView {
  return {
    id: t.id,
    phase: t.phase,
    startedAt: t.startedAt.toISOString(),
    deadlineAt: t.deadlineAt.toISOString(),
    daysLeft: daysLeft(t.deadlineAt, now),
    extended: !!t.extendedAt,
    extensionJustification: t.extensionJustification,
    overdue: !!t.overdueAt || (!t.endedAt && t.deadlineAt < now),
    ended: !!t.endedAt,
    version: t.version,
  };
}

export function toRiskView(r: RiskAssessmentEntity): RiskAssessmentView {
  return {
    id: r.id,
    kind: r.kind,
    level: r.level,
    threats: r.threats,
    measures: r.measures,
    nextReviewOn: r.nextReviewOn,
    assessedBy: ref(r.assessedBy) ?? { id: r.assessedById, name: '' },
    assessedAt: r.assessedAt.toISOString(),
  };
}

export function toFollowUpView(f: FollowUpEntity): FollowUpView {
  return { id: f.id, contactOn: f.contactOn, channel: f.channel, outcome: f.outcome, notes: f.notes, nextOn: f.nextOn, by: ref(f.byUser) ?? { id: f.byUserId, name: '' } };
}

export function toClosureView(c: ClosureRequestEntity): ClosureRequestView {
  return {
    id: c.id,
    caseCode: c.caseCode,
    reason: c.reason,
    note: c.note,
    status: c.status,
    requestedBy: ref(c.requestedBy) ?? { id: c.requestedById, name: '' },
    requestedAt: c.createdAt.toISOString(),
    decidedBy: ref(c.decidedBy),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    comment: c.comment,
    version: c.version,
  };
}

export function toProviderView(p: ServiceProviderEntity): ServiceProviderView {
  return {
    id: p.id,
    name: p.name,
    institution: p.institution ? { id: p.institution.id, code: p.institution.code, name: p.institution.name } : null,
    categories: p.categories,
    departmentCodes: p.departmentCodes,
    active: p.active,
    version: p.version,
  };
}
