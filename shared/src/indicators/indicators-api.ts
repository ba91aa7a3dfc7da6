import { InstitutionRef } from '../common/refs';
import { AreaFigureKey, IndicatorDimension, IndicatorKey } from './indicator-keys';

/** Any period, institution and department: the filters every indicator takes. */
export interface IndicatorQuery {
  /** First day included, YYYY-MM-DD. */
  from: string;
  /** Last day included, YYYY-MM-DD. */
  to: string;
  institutionId?: string;
  /** DIVIPOLA department code (2 digits) of the case. */
  departmentCode?: string;
}

export interface IndicatorBucket {
  /** A code of the dimension's option list (a purpose, a sex, an age band, an ISO country), or `unknown`. */
  bucket: string;
  value: number;
}

export interface IndicatorValue {
  key: IndicatorKey;
  /** The whole figure (for a broken-down indicator, the number of victims counted, each once). Null when nothing to measure (a median of no durations). */
  value: number | null;
  dimension: IndicatorDimension | null;
  buckets: IndicatorBucket[];
}

/** `GET /api/indicators`. */
export interface IndicatorsView {
  query: IndicatorQuery;
  institution: InstitutionRef | null;
  indicators: IndicatorValue[];
  /**
   * When the figures were computed (ISO timestamp), for the whole centre's figures of a year served from the snapshot
   * the indicator job keeps; null when computed for this request.
   */
  asOf: string | null;
}

/** One line of the annual report table: an indicator's figure, or one of its buckets. */
export interface AnnualReportRow {
  section: 'protection' | 'referrals' | 'assistance' | 'justice' | 'hotline';
  /** A registry indicator (protection, referrals) or another area's figure (assistance, justice, hotline). */
  key: IndicatorKey | AreaFigureKey;
  /** Set on a bucket line: the bucket's code (labelled by the dimension's option list). */
  dimension: IndicatorDimension | null;
  bucket: string | null;
  value: number | null;
}

/** `GET /api/indicators/annual-report?year=` (JSON; `format=xlsx|pdf` for the files). */
export interface AnnualReport {
  year: number;
  rows: AnnualReportRow[];
  /** As in `IndicatorsView`. */
  asOf: string | null;
}
