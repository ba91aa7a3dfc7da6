import { CalendarDate } from '../common/calendar-date';
import { CaseDetailView } from './case-core-api';
import { CaseDirection, CaseScope, CaseSource } from './case-options';
import { ConsentInput } from './consents-api';
import { DuplicateHint } from './duplicates-api';
import { ScreeningInput } from './screening-api';
import { CaseSituationInput } from './situation-api';
import { VictimIdentityInput } from './victim-api';

export interface CaseBasicsInput {
  source: CaseSource;
  scope: CaseScope;
  direction?: CaseDirection;
  identifiedOn: CalendarDate;
  /** Where the case was identified (DIVIPOLA). */
  departmentCode?: string;
  municipalityCode?: string;
}

/** Intake: everything is written in one transaction, or nothing is. */
export interface CreateCaseRequest {
  case: CaseBasicsInput;
  screening: ScreeningInput;
  victim: VictimIdentityInput;
  situation: CaseSituationInput;
  consents?: ConsentInput[];
}

export interface CreateCaseResponse {
  case: CaseDetailView;
  /** Possible duplicates found at intake; the case is created anyway, the user decides. */
  duplicates: DuplicateHint[];
}
