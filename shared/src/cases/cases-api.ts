import {
  AgeBand,
  CaseDirection,
  CaseScope,
  CaseSource,
  CaseStatus,
  CloseReason,
  ExploitationPurpose,
  LabourSector,
  MeansOfControl,
  RecruiterRelation,
  RecruitmentMethod,
  ScreeningAct,
  ScreeningIndicator,
  ScreeningMeans,
  ScreeningResult,
  SexualExploitationType,
  SuspensionReason,
  TraffickingEventKind,
  TraffickingStatus,
} from './case-options';
import {
  CaseDocumentContentType,
  CaseDocumentKind,
  ConsentGrantedBy,
  ConsentMethod,
  ConsentPurpose,
  Disability,
  DocumentType,
  Ethnicity,
  GenderIdentity,
  MigrationStatus,
  Sex,
} from './victim-options';

/** Dates without time are `YYYY-MM-DD`; instants are ISO 8601 strings. */
export type CalendarDate = string;

export interface InstitutionRef {
  id: string;
  code: string;
  name: string;
}

export interface UserRef {
  id: string;
  name: string;
}

/** A place: a Colombian municipality (DIVIPOLA) or, abroad, a country (ISO 3166-1 alpha-2). */
export interface PlaceInput {
  countryCode: string;
  /** Only in Colombia (countryCode CO): the 5-digit DIVIPOLA municipality code; the department follows from it. */
  municipalityCode?: string;
  /** Only in Colombia, when the municipality is unknown: the 2-digit department code. */
  departmentCode?: string;
}

export interface TraffickingEventInput extends PlaceInput {
  kind: TraffickingEventKind;
  startedOn?: CalendarDate;
  endedOn?: CalendarDate;
}

export interface TraffickingEventView extends TraffickingEventInput {
  id: string;
  departmentName: string | null;
  municipalityName: string | null;
}

export interface ScreeningInput {
  screenedOn: CalendarDate;
  acts: ScreeningAct[];
  /** Palermo means: recorded, never required. */
  means: ScreeningMeans[];
  purposes: ExploitationPurpose[];
  indicators: ScreeningIndicator[];
  result: ScreeningResult;
  /** Defaults to the user recording the intake. */
  interviewerUserId?: string;
}

export interface ScreeningView extends Omit<ScreeningInput, 'interviewerUserId'> {
  id: string;
  interviewer: UserRef | null;
}

export interface VictimIdentityInput {
  givenNames: string;
  familyNames?: string;
  aliases?: string[];
  sex: Sex;
  genderIdentity?: GenderIdentity;
  /** Either a birth date or an estimated age at identification. */
  birthDate?: CalendarDate;
  estimatedAge?: number;
  nationality?: string;
  documentType?: DocumentType;
  documentNumber?: string;
  languages?: string[];
  ethnicity?: Ethnicity;
  disability?: Disability;
  migrationStatus?: MigrationStatus;
  phone?: string;
  email?: string;
  currentLocation?: string;
  /** The most restricted field: only roles with `victim_location:read` write or see it. */
  shelterLocation?: string;
}

export interface VictimView extends Omit<VictimIdentityInput, 'shelterLocation'> {
  familyNames?: string;
  aliases: string[];
  languages: string[];
  /** Present only for roles with `victim_location:read`. */
  shelterLocation?: string | null;
}

/** Identity fields an edit may clear by sending `null` (names and sex stay required). */
type ClearableVictimField = Exclude<keyof VictimIdentityInput, 'givenNames' | 'sex' | 'aliases' | 'languages'>;

/** A PATCH of the identity: absent = unchanged, `null` = cleared. */
export type UpdateVictimRequest = Partial<Pick<VictimIdentityInput, 'givenNames' | 'sex' | 'aliases' | 'languages'>> & {
  [K in ClearableVictimField]?: VictimIdentityInput[K] | null;
} & {
  /** The case version the edit was based on. */
  version: number;
};

export interface CaseSituationInput {
  purposes: ExploitationPurpose[];
  labourSector?: LabourSector;
  sexualExploitationType?: SexualExploitationType;
  meansOfControl?: MeansOfControl[];
  recruiterRelation?: RecruiterRelation;
  recruitmentMethod?: RecruitmentMethod;
  events?: TraffickingEventInput[];
}

export interface CaseBasicsInput {
  source: CaseSource;
  scope: CaseScope;
  direction?: CaseDirection;
  identifiedOn: CalendarDate;
  /** Where the case was identified (DIVIPOLA). */
  departmentCode?: string;
  municipalityCode?: string;
}

export interface ConsentInput {
  purpose: ConsentPurpose;
  /** Required for `sharing`: the institution the data may go to. */
  institutionId?: string;
  grantedBy: ConsentGrantedBy;
  method: ConsentMethod;
  grantedAt: string;
}

/** Intake: everything is written in one transaction, or nothing is. */
export interface CreateCaseRequest {
  case: CaseBasicsInput;
  screening: ScreeningInput;
  victim: VictimIdentityInput;
  situation: CaseSituationInput;
  consents?: ConsentInput[];
}

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

export interface CaseAssignmentView {
  user: UserRef;
  assignedAt: string;
  assignedBy: UserRef | null;
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

export interface CreateCaseResponse {
  case: CaseDetailView;
  /** Possible duplicates found at intake; the case is created anyway, the user decides. */
  duplicates: DuplicateHint[];
}

export type CaseSort = 'created_desc' | 'created_asc' | 'updated_desc';
export const CASE_SORTS: readonly CaseSort[] = ['created_desc', 'created_asc', 'updated_desc'];

/** Search filters travel in a POST body so that names and document numbers never reach URLs or access logs. */
export interface CaseSearchFilters {
  code?: string;
  /** Accent- and case-insensitive, tolerant of typos. Needs `victim_identity:read`. */
  name?: string;
  /** Exact, ignoring spaces, dots and dashes. Needs `victim_identity:read`. */
  documentNumber?: string;
  status?: CaseStatus[];
  institutionId?: string[];
  purpose?: ExploitationPurpose[];
  departmentCode?: string;
  minor?: boolean;
  assignedToMe?: boolean;
  createdFrom?: CalendarDate;
  createdTo?: CalendarDate;
  identifiedFrom?: CalendarDate;
  identifiedTo?: CalendarDate;
}

export interface CaseSearchRequest extends CaseSearchFilters {
  sort?: CaseSort;
  cursor?: string;
  limit?: number;
}

export interface DuplicateCheckRequest {
  documentNumber?: string;
  givenNames?: string;
  familyNames?: string;
  birthDate?: CalendarDate;
  sex?: Sex;
}

/** A possible duplicate. Outside the actor's scope only the holding institution is named, never the case or person. */
export interface DuplicateHint {
  institution: InstitutionRef;
  matchedOn: 'document' | 'name_birth_date';
  /** Only when the actor can already see that case. */
  code: string | null;
}

export interface CaseAssignRequest {
  userId: string;
}

export interface ConsentView extends ConsentInput {
  id: string;
  institution: InstitutionRef | null;
  recordedBy: UserRef;
  revokedAt: string | null;
  valid: boolean;
}

export interface CaseNoteInput {
  body: string;
  restricted?: boolean;
}

export interface CaseNoteView {
  id: string;
  body: string;
  restricted: boolean;
  author: UserRef;
  authorInstitution: InstitutionRef;
  createdAt: string;
}

export interface CaseDocumentView {
  id: string;
  kind: CaseDocumentKind;
  contentType: CaseDocumentContentType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: UserRef;
  createdAt: string;
}

export type TimelineEntryKind = 'status' | 'audit' | 'note' | 'document';

export interface TimelineEntry {
  at: string;
  kind: TimelineEntryKind;
  /** Status moves: `from` → `to`; audit: the action; note/document: `created`. */
  action: string;
  actor: UserRef | null;
  details: Record<string, unknown>;
}

export interface SavedFilterView {
  id: string;
  name: string;
  filters: SavedCaseFilters;
  version: number;
}

/** Saved filters never hold a name or a document number: they would keep personal data in a user's settings. */
export type SavedCaseFilters = Omit<CaseSearchFilters, 'name' | 'documentNumber'> & { sort?: CaseSort };

export interface SaveFilterRequest {
  name: string;
  filters: SavedCaseFilters;
}

export interface UpdateSavedFilterRequest extends Partial<SaveFilterRequest> {
  version: number;
}

export interface DepartmentView {
  code: string;
  name: string;
}

export interface MunicipalityView {
  code: string;
  name: string;
  departmentCode: string;
}

export interface CountryView {
  code: string;
  nameEs: string;
  nameEn: string;
}
