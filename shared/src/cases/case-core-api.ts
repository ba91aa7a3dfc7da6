import { CalendarDate } from '../common/calendar-date';
import { InstitutionRef, UserRef } from '../common/refs';
import { CaseAssignmentView } from './case-assignments-api';
import { AgeBand, CaseDirection, CaseScope, CaseSource, TraffickingStatus } from './case-options';
import { CaseStatus, CloseReason, SuspensionReason } from './case-status';
import { ScreeningView } from './screening-api';
import { TraffickingEventInput, TraffickingEventView } from './situation-api';
import {
  ExploitationPurpose,
  LabourSector,
  MeansOfControl,
  RecruiterRelation,
  RecruitmentMethod,
  SexualExploitationType,
} from './situation-options';
import { VictimView } from './victim-api';

/**
 * A PATCH of the case: absent = unchanged, `null` = cleared (only for optional fields; source, scope, identification
 * date, trafficking status and purposes cannot be emptied).
 */
export interface UpdateCaseRequest {
  version: number;
  source?: CaseSource;
  scope?: CaseScope;
  direction?: CaseDirection | null;
  identifiedOn?: CalendarDate;
  departmentCode?: string | null;
  municipalityCode?: string | null;
  traffickingStatus?: TraffickingStatus;
  purposes?: ExploitationPurpose[];
  labourSector?: LabourSector | null;
  sexualExploitationType?: SexualExploitationType | null;
  meansOfControl?: MeansOfControl[];
  recruiterRelation?: RecruiterRelation | null;
  recruitmentMethod?: RecruitmentMethod | null;
  /** Replaces every trafficking event of the case. */
  events?: TraffickingEventInput[];
}

export interface CaseTransitionRequest {
  version: number;
  to: CaseStatus;
  closeReason?: CloseReason;
  suspensionReason?: SuspensionReason;
}

export interface CaseSummaryView {
  code: string;
  status: CaseStatus;
  traffickingStatus: TraffickingStatus;
  ownerInstitution: InstitutionRef;
  ageBand: AgeBand | null;
  minorAtIdentification: boolean | null;
  minorAtExploitation: boolean | null;
  childWelfareFlag: boolean;
  purposes: ExploitationPurpose[];
  departmentCode: string | null;
  identifiedOn: CalendarDate;
  createdAt: string;
  updatedAt: string;
  /** The victim's name, only for roles that read identity; otherwise null and the code stands in (pseudonym). */
  victimName: string | null;
}

export interface CaseDetailView extends CaseSummaryView {
  version: number;
  source: CaseSource;
  scope: CaseScope;
  direction: CaseDirection | null;
  municipalityCode: string | null;
  /** DIVIPOLA names of where the case was identified. */
  departmentName: string | null;
  municipalityName: string | null;
  traffickingStatusDecidedBy: InstitutionRef | null;
  traffickingStatusDecidedAt: string | null;
  closeReason: CloseReason | null;
  statusBeforeSuspension: CaseStatus | null;
  statusChangedAt: string;
  labourSector: LabourSector | null;
  sexualExploitationType: SexualExploitationType | null;
  meansOfControl: MeansOfControl[];
  recruiterRelation: RecruiterRelation | null;
  recruitmentMethod: RecruitmentMethod | null;
  createdBy: UserRef;
  events: TraffickingEventView[];
  screenings: ScreeningView[];
  assignments: CaseAssignmentView[];
  allowedTransitions: CaseStatus[];
  /** True when the actor may not read identity: `victim` is null and the code + age band stand in for the person. */
  pseudonymised: boolean;
  victim: VictimView | null;
}
