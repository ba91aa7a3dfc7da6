import { LIST_COUNT_CAP, ListTotal } from '../common/paging';
import { UserRef } from '../common/refs';
import { CreateCaseRequest } from '../cases/intake-api';
import { ExploitationPurpose } from '../cases/situation-options';
import { ScreeningAct, ScreeningMeans } from '../cases/screening-options';
import { HotlineCallerType, HotlineCallType, HotlineChannel, HotlineImportField, HotlineImportStatus, HotlineOutcome, HotlineReportGround, HotlineUrgency } from './hotline-options';
import { HotlineStatus } from './hotline-status';

/** What the operator records about one call or message. The phone number is sealed at rest; only its keyed hash is compared. */
export interface HotlineContactInput {
  channel: HotlineChannel;
  startedAt: string;
  durationSeconds?: number;
  callerType: HotlineCallerType;
  callType: HotlineCallType;
  /** DIVIPOLA department / municipality inside Colombia, or an ISO 3166 country abroad. */
  departmentCode?: string;
  municipalityCode?: string;
  countryCode?: string;
  destinationCountryCode?: string;
  purposes: ExploitationPurpose[];
  acts: ScreeningAct[];
  means: ScreeningMeans[];
  urgency: HotlineUrgency;
  /** A child is involved (the ground "child at risk" needs it). */
  childInvolved: boolean;
  /** Narrative summary, not verbatim. */
  summary?: string;
  consentToAuthorities: boolean;
  phone?: string;
}

export interface HotlineContactView extends Required<Omit<HotlineContactInput, 'phone' | 'durationSeconds' | 'departmentCode' | 'municipalityCode' | 'countryCode' | 'destinationCountryCode' | 'summary'>> {
  id: string;
  code: string;
  status: HotlineStatus;
  version: number;
  durationSeconds: number | null;
  departmentCode: string | null;
  municipalityCode: string | null;
  countryCode: string | null;
  destinationCountryCode: string | null;
  summary: string | null;
  operator: UserRef;
  /** Whether a number was recorded; the number itself is shown only to hotline:manage, on request. */
  hasPhone: boolean;
  /** Earlier contacts from the same number (by its keyed hash). */
  earlierContacts: number;
  outcome: HotlineOutcome | null;
  reportGround: HotlineReportGround | null;
  caseCode: string | null;
  referralId: string | null;
  takenBy: UserRef | null;
  takenAt: string | null;
  createdAt: string;
}

export interface HotlineContactListItem {
  id: string;
  code: string;
  startedAt: string;
  channel: HotlineChannel;
  callType: HotlineCallType;
  callerType: HotlineCallerType;
  urgency: HotlineUrgency;
  status: HotlineStatus;
  outcome: HotlineOutcome | null;
  departmentCode: string | null;
  caseCode: string | null;
  operatorName: string;
}

/** A list's total counts the matching contacts up to this many; beyond it the list says "more than 10,000". */
export const HOTLINE_COUNT_CAP = LIST_COUNT_CAP;

export interface HotlineContactPage {
  items: HotlineContactListItem[];
  /** How many contacts match, up to HOTLINE_COUNT_CAP (`more` when there are more). */
  total: ListTotal;
  limit: number;
  nextCursor?: string;
}

export interface HotlineListQuery {
  status?: HotlineStatus;
  callType?: HotlineCallType;
  direction?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/** A crisis contact nobody has taken yet, for the banner at the top of every operator's and supervisor's screen. */
export interface HotlineCrisisItem {
  id: string;
  code: string;
  startedAt: string;
  urgency: HotlineUrgency;
  departmentCode: string | null;
}

export interface HotlineMoveRequest {
  version: number;
  to: HotlineStatus;
}

/** Recording the outcome. `tip_sent` and `referral` name the receiving institution and the case the referral is about. */
export interface HotlineOutcomeRequest {
  version: number;
  outcome: HotlineOutcome;
  institutionId?: string;
  caseCode?: string;
  /** For a report to authorities without the caller's consent. */
  ground?: HotlineReportGround;
}

/** The case intake's body as far as the call tells it; the operator completes the identity. */
export type HotlineCasePrefill = Pick<CreateCaseRequest, 'case' | 'screening' | 'situation'>;

export interface HotlineImportRequest {
  fileName: string;
  /** The file, base64. */
  content: string;
  /** Which column of the file fills which field. */
  mapping: Partial<Record<HotlineImportField, string>>;
}

export interface HotlineImportRejection {
  row: number;
  field: string;
  reason: string;
}

export interface HotlineImportView {
  id: string;
  fileName: string;
  status: HotlineImportStatus;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  rejected: HotlineImportRejection[];
  createdAt: string;
  finishedAt: string | null;
}

export interface HotlineStatsBucket {
  key: string;
  count: number;
}

export interface HotlineStats {
  total: number;
  perPeriod: HotlineStatsBucket[];
  byCallType: HotlineStatsBucket[];
  byChannel: HotlineStatsBucket[];
  byDepartment: HotlineStatsBucket[];
  byPurpose: HotlineStatsBucket[];
  byOutcome: HotlineStatsBucket[];
  /** What the contacts became: tips to the police or Fiscalía, referrals for assistance, cases (new or linked). */
  conversion: HotlineConversion;
  /** Median duration of the contacts that have one, in seconds. */
  medianHandlingSeconds: number | null;
}

export interface HotlineConversion {
  tips: number;
  referrals: number;
  cases: number;
  /** Share of the range's contacts that became any of the three, 0 to 1; null without contacts. */
  share: number | null;
}

export type HotlineStatsPeriod = 'day' | 'week' | 'month';
