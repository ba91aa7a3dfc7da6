import { CalendarDate } from '../common/calendar-date';
import { InstitutionRef } from '../common/refs';
import { Sex } from './victim-options';

/** What made two cases look like the same person: never the values themselves. */
export type DuplicateMatch = 'document' | 'name_birth_date';

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
  matchedOn: DuplicateMatch;
  /** Only when the actor can already see that case. */
  code: string | null;
}
