import type { InstitutionRef } from '../common/refs';
import type { DefendantStage, Shortcut } from './defendant-stage';
import type { Appellant, AppealDecision, DefendantSex, HearingType, Offence, OperationType, ProceedingVictimRole, ProtectionMeasure, TraffickerKind, TraffickerRole } from './prosecution-options';

import type { ListTotal, Page } from '../common/paging';

/** A keyset page with the total of what the reader may see, counted up to LIST_COUNT_CAP. */
export interface CountedPage<T> extends Page<T> {
  total: ListTotal;
}

/** A police or DAS operation. */
export interface OperationView {
  id: string;
  name: string;
  occurredOn: string;
  municipalityCode: string;
  type: OperationType;
  institution: InstitutionRef;
  arrests: number;
  description: string | null;
  caseCodes: string[];
  traffickers: { id: string; name: string; arrested: boolean }[];
  version: number;
}
/** Links an alleged trafficker to an operation (arrested in it, or only identified). */
export interface LinkOperationTraffickerRequest {
  traffickerId: string;
  arrested?: boolean;
}
export type OperationListItem = Omit<OperationView, 'description' | 'traffickers' | 'caseCodes'> & { cases: number; traffickers: number };

export interface CreateOperationRequest {
  name: string;
  occurredOn: string;
  municipalityCode: string;
  type: OperationType;
  arrests: number;
  description?: string;
  caseCodes?: string[];
}

/** An alleged trafficker (person or organisation). Investigation file: investigators and prosecutors of its institution only. */
export interface TraffickerView {
  id: string;
  kind: TraffickerKind;
  name: string;
  aliases: string[];
  documentNumber: string | null;
  nationality: string | null;
  sex: DefendantSex | null;
  roles: TraffickerRole[];
  relationToVictim: string | null;
  institution: InstitutionRef;
  caseCodes: string[];
  operations: { id: string; name: string }[];
  proceedings: { id: string; nunc: string }[];
  version: number;
}
export type TraffickerListItem = Pick<TraffickerView, 'id' | 'kind' | 'name' | 'aliases' | 'nationality' | 'roles'>;

export interface CreateTraffickerRequest {
  kind: TraffickerKind;
  name: string;
  aliases?: string[];
  documentNumber?: string;
  nationality?: string;
  sex?: DefendantSex;
  roles?: TraffickerRole[];
  relationToVictim?: string;
  caseCodes?: string[];
  operationId?: string;
}

/** Possible duplicates among the traffickers the user may see: same document, or a similar name. */
export interface TraffickerDuplicate {
  id: string;
  name: string;
  reason: 'document' | 'name';
}
export interface CreateTraffickerResponse {
  trafficker: TraffickerView;
  possibleDuplicates: TraffickerDuplicate[];
}

export interface StageEventView {
  from: DefendantStage | null;
  to: DefendantStage;
  on: string;
  shortcut: Shortcut | null;
  hearingId: string | null;
  detention: boolean;
}

export interface SentenceTerms {
  prisonMonths: number;
  fineSmlmv: number;
  accessoryPenalties?: string;
  reparationOrdered?: string;
}

export interface DefendantView {
  id: string;
  /** Null in pseudonymised lists (coordinators): the person stays in the investigation file. */
  trafficker: { id: string; name: string } | null;
  label: string;
  sex: DefendantSex;
  nationality: string | null;
  stage: DefendantStage;
  stageSince: string;
  detention: boolean;
  sentence: SentenceTerms | null;
  history: StageEventView[];
  moves: DefendantStage[];
  version: number;
}

export interface HearingView {
  id: string;
  defendantId: string | null;
  at: string;
  type: HearingType;
  court: string;
  outcome: string | null;
  nextAt: string | null;
}

export interface AppealView {
  id: string;
  defendantId: string;
  filedOn: string;
  appellant: Appellant;
  decision: AppealDecision;
  decidedOn: string | null;
  version: number;
}

export interface ProceedingVictimView {
  caseCode: string;
  role: ProceedingVictimRole;
  protectionMeasures: ProtectionMeasure[];
}

export interface ProceedingView {
  id: string;
  nunc: string;
  reportedOn: string;
  municipalityCode: string;
  institution: InstitutionRef;
  prosecutorUnit: string;
  prosecutorName: string;
  offences: Offence[];
  otherOffence: string | null;
  operationId: string | null;
  victims: ProceedingVictimView[];
  defendants: DefendantView[];
  hearings: HearingView[];
  appeals: AppealView[];
  pseudonymised: boolean;
  version: number;
}

export interface ProceedingListItem {
  id: string;
  nunc: string;
  reportedOn: string;
  prosecutorUnit: string;
  offences: Offence[];
  defendants: number;
  victims: number;
  stages: DefendantStage[];
}

export interface CreateProceedingRequest {
  nunc: string;
  reportedOn: string;
  prosecutorUnit: string;
  prosecutorName: string;
  offences: Offence[];
  otherOffence?: string;
  operationId?: string;
  victims: { caseCode: string; role: ProceedingVictimRole; protectionMeasures?: ProtectionMeasure[] }[];
}

export interface AddDefendantRequest {
  /** An existing alleged trafficker, or a new one by name. */
  traffickerId?: string;
  name?: string;
  sex: DefendantSex;
  nationality?: string;
}

export interface MoveDefendantRequest {
  version: number;
  to: DefendantStage;
  on: string;
  shortcut?: Shortcut;
  hearingId?: string;
  detention?: boolean;
  sentence?: SentenceTerms;
}

export interface CreateHearingRequest {
  defendantId?: string;
  at: string;
  type: HearingType;
  court: string;
  outcome?: string;
  nextAt?: string;
}

export interface CreateAppealRequest {
  defendantId: string;
  filedOn: string;
  appellant: Appellant;
  decision?: AppealDecision;
  decidedOn?: string;
}

/** An appeal corrected or decided: the fields sent change (a pending decision has no date), under optimistic locking. */
export interface UpdateAppealRequest {
  version: number;
  filedOn?: string;
  appellant?: Appellant;
  decision?: AppealDecision;
  decidedOn?: string | null;
}

/** What an IOM caseworker may know of the proceedings of their case, to accompany the victim: stages and hearings only. */
export interface CaseProceedingSummary {
  reportedYear: number;
  victimRole: ProceedingVictimRole;
  stages: DefendantStage[];
  nextHearing: { at: string; type: HearingType; court: string } | null;
}

/** The prosecution records of one case, for the case's tab. */
export interface CaseProsecutionsView {
  proceedings: ProceedingListItem[];
  operations: { id: string; name: string; occurredOn: string }[];
  traffickers: { id: string; name: string }[];
}

export interface IndicatorBreakdown {
  key: string;
  charged: number;
  accused: number;
  convicted: number;
  acquitted: number;
}

/** Justice indicators of a period (TIP report, UNODC questionnaire): one definition, in SQL. */
export interface JusticeIndicators {
  year: number;
  quarter: number | null;
  investigationsOpened: number;
  charged: number;
  accused: number;
  convicted: number;
  acquitted: number;
  victimsInvolved: number;
  averageMonthsToSentence: number | null;
  sentenceMonths: { count: number; min: number | null; average: number | null; max: number | null };
  bySex: IndicatorBreakdown[];
  byNationality: IndicatorBreakdown[];
}

export type GraphNodeKind = 'case' | 'operation' | 'proceeding' | 'trafficker';
export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
}
export interface LinkGraph {
  nodes: GraphNode[];
  edges: { source: string; target: string }[];
}
