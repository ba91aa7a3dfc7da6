import { CalendarDate } from '../common/calendar-date';
import { PageQuery } from '../common/paging';
import { CaseStatus } from './case-status';
import { ExploitationPurpose } from './situation-options';

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

export interface CaseSearchRequest extends CaseSearchFilters, PageQuery {
  sort?: CaseSort;
}
