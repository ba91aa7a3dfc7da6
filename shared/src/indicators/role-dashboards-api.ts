import { CalendarDate } from '../common/calendar-date';

/** The roles whose home shows a dashboard chart from `GET /api/indicators/dashboards/:kind`. */
export const DASHBOARD_KINDS = ['coordinator', 'caseworker', 'investigator', 'prosecutor', 'hotline'] as const;
export type DashboardKind = (typeof DASHBOARD_KINDS)[number];

/**
 * What the categories of a dashboard chart are: calendar days (`YYYY-MM-DD`), months (`YYYY-MM`), or codes of a
 * closed list (a defendant's stage, a service category). The client turns each into a label; the API never sends one.
 */
export type DashboardCategoryKind = 'day' | 'month' | 'stage' | 'service_category';

/** One figure of a dashboard card; its key says which list it opens (the client maps it to a link). */
export interface DashboardFigure {
  key: string;
  value: number | null;
}

/** One series of the chart: one value per category, in the categories' order. */
export interface DashboardSeries {
  key: string;
  values: number[];
}

/**
 * A role's dashboard: counts only (never a code, a name or an id), over the caller's scope (row-level security and the
 * reused count services decide it), for the period `from`–`to` (calendar dates in Bogotá, both included).
 */
export interface RoleDashboard {
  kind: DashboardKind;
  from: CalendarDate;
  to: CalendarDate;
  categoryKind: DashboardCategoryKind;
  categories: string[];
  series: DashboardSeries[];
  figures: DashboardFigure[];
  /** When the figures were computed (ISO timestamp) when served from the coordinator's snapshot; null when live. */
  asOf: string | null;
}
