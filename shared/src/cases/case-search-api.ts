import { CalendarDate } from '../common/calendar-date';
import { LIST_COUNT_CAP, ListTotal, Page, PageQuery } from '../common/paging';
import { CaseSummaryView } from './case-core-api';
import { CaseStatus } from './case-status';
import { ExploitationPurpose } from './situation-options';

export type CaseSort = 'created_desc' | 'created_asc' | 'updated_desc' | 'updated_asc' | 'code_asc' | 'code_desc';
export const CASE_SORTS: readonly CaseSort[] = ['created_desc', 'created_asc', 'updated_desc', 'updated_asc', 'code_asc', 'code_desc'];

/** The columns a case list sorts by (each on an index, walked by keyset pages) and their sort in each direction. */
export type CaseSortColumn = 'created' | 'updated' | 'code';
export function caseSortOf(column: CaseSortColumn, direction: 'asc' | 'desc'): CaseSort {
  return `${column}_${direction}`;
}
export function caseSortParts(sort: CaseSort): { column: CaseSortColumn; direction: 'asc' | 'desc' } {
  const [column, direction] = sort.split('_') as [CaseSortColumn, 'asc' | 'desc'];
  return { column, direction };
}

/** A first page counts the matching cases up to this many; beyond it the list says "more than 10,000". */
export const CASE_COUNT_CAP = LIST_COUNT_CAP;

/** A page of the case list; the first page (no cursor) also carries how many cases match. */
export interface CaseSearchPage extends Page<CaseSummaryView> {
  total?: ListTotal;
}

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
