import { CalendarDate } from '../common/calendar-date';
import { InstitutionRef, UserRef } from '../common/refs';
import { CaseStatus } from '../cases/case-status';
import { AgeBand } from '../cases/case-options';
import { Sex } from '../cases/victim-options';
import {
  AssistanceAlertKind,
  AssistancePhase,
  ClosureReason,
  ClosureStatus,
  FollowUpChannel,
  FollowUpOutcome,
  ParticipantRelation,
  RiskAssessmentKind,
  RiskLevel,
  RiskThreat,
  ServiceBeneficiary,
  ServiceCategory,
  ServiceStatus,
} from './assistance-options';

export interface ProviderRef {
  id: string;
  name: string;
}

export interface AssistanceServiceView {
  id: string;
  phase: AssistancePhase;
  category: ServiceCategory;
  beneficiary: ServiceBeneficiary;
  /** The beneficiary relative who receives it; null when it is for the victim. */
  participantId: string | null;
  providerInstitution: InstitutionRef | null;
  provider: ProviderRef | null;
  status: ServiceStatus;
  plannedOn: CalendarDate;
  dueOn: CalendarDate | null;
  startedOn: CalendarDate | null;
  deliveredOn: CalendarDate | null;
  /** Whole Colombian pesos. */
  costCop: number | null;
  notes: string | null;
  consentId: string | null;
  overdue: boolean;
  moves: ServiceStatus[];
  version: number;
}

/** A beneficiary relative recorded on the case (identity data: read through the case, like the rest of assistance). */
export interface ParticipantView {
  id: string;
  fullName: string;
  relation: ParticipantRelation;
  sex: Sex;
  ageBand: AgeBand | null;
  version: number;
}

export interface ParticipantRequest {
  fullName: string;
  relation: ParticipantRelation;
  sex: Sex;
  ageBand?: AgeBand;
}

export interface PhaseTimerView {
  id: string;
  phase: AssistancePhase;
  startedAt: string;
  deadlineAt: string;
  daysLeft: number;
  extended: boolean;
  extensionJustification: string | null;
  overdue: boolean;
  /** The case left the phase. */
  ended: boolean;
  version: number;
}

export interface RiskAssessmentView {
  id: string;
  kind: RiskAssessmentKind;
  level: RiskLevel;
  threats: RiskThreat[];
  measures: string | null;
  nextReviewOn: CalendarDate | null;
  assessedBy: UserRef;
  assessedAt: string;
}

export interface FollowUpView {
  id: string;
  contactOn: CalendarDate;
  channel: FollowUpChannel;
  outcome: FollowUpOutcome;
  notes: string | null;
  nextOn: CalendarDate | null;
  by: UserRef;
}

export interface ClosureRequestView {
  id: string;
  caseCode: string;
  reason: ClosureReason;
  note: string | null;
  status: ClosureStatus;
  requestedBy: UserRef;
  requestedAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  comment: string | null;
  version: number;
}

export interface AssistanceOverview {
  caseCode: string;
  caseStatus: CaseStatus;
  caseVersion: number;
  /** The case's department (DIVIPOLA), for the providers that cover it. */
  departmentCode: string | null;
  plan: { id: string; objectives: string; version: number } | null;
  participants: ParticipantView[];
  services: AssistanceServiceView[];
  timers: PhaseTimerView[];
  risks: RiskAssessmentView[];
  followUps: FollowUpView[];
  closure: ClosureRequestView | null;
  /** The latest risk is high or extreme: a protection referral is suggested (never required). */
  suggestProtectionReferral: boolean;
}

export interface AssistancePlanRequest {
  objectives: string;
  /** The plan's version when it exists already. */
  version?: number;
}

export interface CreateServiceRequest {
  phase: AssistancePhase;
  category: ServiceCategory;
  beneficiary?: ServiceBeneficiary;
  /** One of the case's beneficiary relatives; the service's beneficiary is then that relative's relation. */
  participantId?: string;
  providerInstitutionId?: string;
  providerId?: string;
  plannedOn: CalendarDate;
  dueOn?: CalendarDate;
  costCop?: number;
  notes?: string;
  consentId?: string;
}

export interface UpdateServiceRequest {
  version: number;
  status?: ServiceStatus;
  startedOn?: CalendarDate;
  deliveredOn?: CalendarDate;
  dueOn?: CalendarDate;
  costCop?: number | null;
  notes?: string;
}

export interface RiskAssessmentRequest {
  kind: RiskAssessmentKind;
  level: RiskLevel;
  threats: RiskThreat[];
  measures?: string;
  nextReviewOn?: CalendarDate;
}

export interface FollowUpRequest {
  contactOn: CalendarDate;
  channel: FollowUpChannel;
  outcome: FollowUpOutcome;
  notes?: string;
  nextOn?: CalendarDate;
}

export interface PhaseExtensionRequest {
  phase: AssistancePhase;
  justification: string;
  version: number;
}

export interface ClosureRequestBody {
  reason: ClosureReason;
  note?: string;
}

export interface ClosureDecisionRequest {
  version: number;
  decision: 'approve' | 'reject';
  comment?: string;
}

export interface ClosureInboxItem extends ClosureRequestView {
  caseStatus: CaseStatus;
}

export interface ClosureInboxPage {
  items: ClosureInboxItem[];
  total: number;
  limit: number;
  nextCursor?: string;
}

export const WORKLIST_KINDS = ['follow_ups_due', 'follow_ups_overdue', 'services_overdue', 'high_risk', 'closures_pending', 'phase_immediate', 'phase_medium_term', 'phase_follow_up'] as const;
export type WorklistKind = (typeof WORKLIST_KINDS)[number];
/** The orders of a "my day" list: by its date, oldest first (the default) or newest first. */
export const WORKLIST_SORTS = ['date', '-date'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

export interface MyDay {
  byPhase: { immediate: number; mediumTerm: number; followUp: number };
  followUpsDueToday: number;
  followUpsOverdue: number;
  servicesOverdue: number;
  highRisk: number;
  closuresPending: number;
  overduePhases: number;
  unreadAlerts: number;
}

export interface WorklistItem {
  caseCode: string;
  caseStatus: CaseStatus;
  /** The date the item is about (follow-up date, service due date, assessment date, request date). */
  on: string;
  detail: string | null;
}

export interface WorklistPage {
  items: WorklistItem[];
  total: number;
  limit: number;
  nextCursor?: string;
}

export interface AssistanceAlertView {
  id: string;
  kind: AssistanceAlertKind;
  caseCode: string;
  createdAt: string;
  read: boolean;
}

export interface ServiceProviderView {
  id: string;
  name: string;
  institution: InstitutionRef | null;
  categories: ServiceCategory[];
  departmentCodes: string[];
  active: boolean;
  version: number;
}

export interface ServiceProviderRequest {
  name: string;
  institutionId?: string;
  categories: ServiceCategory[];
  departmentCodes: string[];
  active?: boolean;
  version?: number;
}

/** One row of the reporting counts: distinct victims assisted in the period under one value of one dimension. */
export interface AssistanceCountRow {
  value: string;
  victims: number;
}

export const ASSISTANCE_COUNT_DIMENSIONS = ['phase', 'category', 'sex', 'ageBand', 'nationality', 'purpose'] as const;
export type AssistanceCountDimension = (typeof ASSISTANCE_COUNT_DIMENSIONS)[number];

export interface AssistanceCounts {
  from: CalendarDate;
  to: CalendarDate;
  /** Distinct victims with a service delivered or in progress in the period. */
  total: number;
  by: Record<AssistanceCountDimension, AssistanceCountRow[]>;
}

