import { CalendarDate } from '../common/calendar-date';
import { CaseStatus } from './case-status';

/** Statuses in which a case is still being worked: not ruled out, closed or suspended. */
export const ACTIVE_CASE_STATUSES: readonly CaseStatus[] = [
  'received',
  'screening',
  'immediate_assistance',
  'medium_term_assistance',
  'follow_up',
];

/** Days back from today (Colombia) that `identifiedRecently` counts, today included. */
export const CASE_STATS_RECENT_DAYS = 30;

/**
 * `GET /api/cases/stats`: counts of the cases the user can see, and nothing else (no codes, no names), whatever the
 * role's identity permissions.
 */
export interface CaseStatsView {
  total: number;
  /** Every status, zero included. */
  byStatus: Record<CaseStatus, number>;
  /** Cases whose victim was a minor when identified. */
  minors: number;
  /** Cases identified on or after `recentSince`. */
  identifiedRecently: number;
  recentSince: CalendarDate;
  /** Cases in an active status with a current assignment to the user. */
  assignedToMeActive: number;
}
