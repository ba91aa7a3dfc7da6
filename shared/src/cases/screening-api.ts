import { CalendarDate } from '../common/calendar-date';
import { UserRef } from '../common/refs';
import { ExploitationPurpose } from './situation-options';
import { ScreeningAct, ScreeningIndicator, ScreeningMeans, ScreeningResult } from './screening-options';

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
