import { CalendarDate } from '../common/calendar-date';
import { ListTotal, PageQuery, Page } from '../common/paging';
import { InstitutionRef, UserRef } from '../common/refs';
import { AgeBand } from '../cases/case-options';
import { CaseStatus } from '../cases/case-status';
import { CaseDocumentKind } from '../cases/document-options';
import { TraffickingEventView } from '../cases/situation-api';
import { ExploitationPurpose, LabourSector, MeansOfControl, RecruiterRelation, RecruitmentMethod, SexualExploitationType } from '../cases/situation-options';
import { VictimView } from '../cases/victim-api';
import { ReferralAccessEnd, ReferralOverrideGround, ReferralPurpose, ReferralSection, ReferralUrgency } from './referral-options';
import { ReferralStatus } from './referral-status';

/** Sharing without consent: only with `referrals:override`, on a legal ground, with a written justification. Audited. */
export interface ReferralOverrideInput {
  ground: ReferralOverrideGround;
  justification: string;
}

export interface CreateReferralRequest {
  caseCode: string;
  toInstitutionId: string;
  purpose: ReferralPurpose;
  urgency: ReferralUrgency;
  message?: string;
  /** `summary` is always shared and may be omitted. */
  sections: ReferralSection[];
  /** With `documents`: the case documents chosen one by one. */
  documentIds?: string[];
  override?: ReferralOverrideInput;
  /** `false` keeps it as a draft (sent later); default true. */
  send?: boolean;
}

/** What the refer dialog checks live: does a consent cover this destination, and which one. */
export interface ReferralConsentCheck {
  consent: { id: string; grantedAt: string } | null;
  /** Sections of the request that need a consent. */
  gatedSections: ReferralSection[];
  /** True when the request could be sent as it is by this user (consent, or the override permission). */
  allowed: boolean;
  canOverride: boolean;
}

export interface ReferralEventView {
  at: string;
  kind: 'status' | 'overdue' | 'access_ended' | 'opened';
  from: ReferralStatus | null;
  to: ReferralStatus | null;
  reason: string | null;
  actor: UserRef | null;
  institution: InstitutionRef | null;
}

export interface ReferralListItem {
  id: string;
  caseCode: string;
  from: InstitutionRef;
  to: InstitutionRef;
  purpose: ReferralPurpose;
  urgency: ReferralUrgency;
  status: ReferralStatus;
  sections: ReferralSection[];
  deadlineAt: string | null;
  overdue: boolean;
  sentAt: string | null;
  createdAt: string;
  /** The sharing relied on a legal ground instead of a consent. */
  override: ReferralOverrideGround | null;
  accessEnded: ReferralAccessEnd | null;
}

export interface ReferralView extends ReferralListItem {
  version: number;
  message: string | null;
  documentIds: string[];
  consent: { id: string; grantedAt: string } | null;
  overrideJustification: string | null;
  createdBy: UserRef;
  assignee: UserRef | null;
  receivedAt: string | null;
  acceptedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  outcome: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  accessEndedAt: string | null;
  /** Which side of this referral the reader is on (coordinators: neither). */
  side: 'sender' | 'receiver' | null;
  /** The moves this reader may make now. */
  moves: ReferralStatus[];
  history: ReferralEventView[];
}

export type ReferralBox = 'inbox' | 'outbox' | 'all';
/** The sortable columns of the inbox and outbox: when it was made, its response deadline, the case code. */
export const REFERRAL_SORTS = ['created', 'deadline', 'case'] as const;
export type ReferralSort = (typeof REFERRAL_SORTS)[number];

export interface ReferralListQuery extends PageQuery {
  box: ReferralBox;
  status?: ReferralStatus;
  urgency?: ReferralUrgency;
  purpose?: ReferralPurpose;
  /** The other institution: the sender in the inbox, the receiver in the outbox, either one in `all`. */
  institutionId?: string;
  overdue?: boolean;
  /** Only those sent without consent, on a legal ground (coordinators' override list). */
  override?: boolean;
  sort?: ReferralSort;
  direction?: 'asc' | 'desc';
}

export interface ReferralPage extends Page<ReferralListItem> {
  /** How many referrals the box and filters hold, counted up to LIST_COUNT_CAP. */
  total: ListTotal;
}

export interface ReferralMoveBody {
  version: number;
  to: ReferralStatus;
  assigneeId?: string;
  outcome?: string;
  reason?: string;
}

/** The limited case view of a receiving institution: only the sections the referral shares. */
export interface SharedCaseView {
  referralId: string;
  sections: ReferralSection[];
  summary: {
    code: string;
    status: CaseStatus;
    ageBand: AgeBand | null;
    minorAtIdentification: boolean | null;
    purposes: ExploitationPurpose[];
    departmentCode: string | null;
    municipalityCode: string | null;
    identifiedOn: CalendarDate;
    ownerInstitution: InstitutionRef;
  };
  identity?: Omit<VictimView, 'shelterLocation'>;
  situation?: {
    labourSector: LabourSector | null;
    sexualExploitationType: SexualExploitationType | null;
    meansOfControl: MeansOfControl[];
    recruiterRelation: RecruiterRelation | null;
    recruitmentMethod: RecruitmentMethod | null;
    events: TraffickingEventView[];
  };
  documents?: { id: string; kind: CaseDocumentKind; contentType: string; sizeBytes: number; createdAt: string }[];
}

export interface ReferralBadge {
  /** Inbox referrals not opened yet. */
  newCount: number;
  overdueCount: number;
  unreadNotifications: number;
}

export const NOTIFICATION_KINDS = ['referral_received', 'referral_status', 'referral_overdue', 'referral_access_ended'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An in-app notification: a referral and a case code, never personal data. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  referralId: string;
  caseCode: string;
  status: ReferralStatus | null;
  createdAt: string;
  readAt: string | null;
}

export interface DurationSummary {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface InstitutionReferralStats {
  institution: InstitutionRef;
  received: number;
  accepted: number;
  completed: number;
  declined: number;
  overdue: number;
  toAccept: DurationSummary;
  toComplete: DurationSummary;
}

export interface ReferralNetwork {
  institutions: InstitutionRef[];
  links: { fromId: string; toId: string; total: number; open: number; completed: number; declined: number; cancelled: number }[];
}

/** Law 1581: who received the person's data. One entry per referral that was sent. */
export interface DisclosureEntry {
  referralId: string;
  to: InstitutionRef;
  sections: ReferralSection[];
  documentCount: number;
  sentAt: string;
  sentBy: UserRef;
  consent: { id: string; grantedAt: string } | null;
  override: ReferralOverrideGround | null;
  status: ReferralStatus;
  accessEndedAt: string | null;
  openedBy: { user: UserRef; at: string }[];
}

export interface DisclosureRecord {
  caseCode: string;
  generatedAt: string;
  entries: DisclosureEntry[];
}

export type ReferralDeadlineSettings = Record<ReferralUrgency, number> & { version: number };

/** An administrator's change of the response deadlines: all three, on the version read (409 when stale). */
export type ReferralDeadlinesUpdate = Record<ReferralUrgency, number> & { version: number };

/** The in-app notifications of the signed-in user, newest first, and how many are unread. */
export interface NotificationPage extends Page<NotificationView> {
  total: number;
  unread: number;
}
