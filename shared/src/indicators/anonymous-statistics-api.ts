/** k of the anonymous statistics export (CTDC publishes with k = 11). */
export const DEFAULT_K_ANONYMITY = 11;

/** The quasi-identifiers checked for k-anonymity: any combination of them is shared by at least k rows. */
export const STATISTICS_QUASI_IDENTIFIERS = ['yearOfRegistration', 'gender', 'ageBand', 'citizenship', 'countryOfExploitation'] as const;

/** One victim in the CTDC / HTCDS publication shape: no name, no identifier, no date finer than the year. */
export interface AnonymousStatisticsRow {
  yearOfRegistration: number;
  dataSource: 'case_management';
  gender: string;
  /** A CTDC age band; generalised rows say `0-17` or `18+`; suppressed values say `unknown`. */
  ageBand: string;
  majorityStatus: 'minor' | 'adult' | 'unknown';
  citizenship: string;
  countryOfExploitation: string;
  meansOfControl: string[];
  typeOfExploitation: string[];
  labourSector: string | null;
  recruiterRelation: string | null;
}

/** `GET /api/indicators/anonymous-statistics?from&to&k` (JSON; `format=csv` for the file). */
export interface AnonymousStatisticsExport {
  k: number;
  quasiIdentifiers: readonly string[];
  /** Cases in the period whose consent allows anonymous statistics. */
  eligible: number;
  /** Rows whose age band and citizenship were coarsened to reach k. */
  generalised: number;
  /** Rows left out because even coarsened they would be in a group smaller than k. */
  suppressed: number;
  rows: AnonymousStatisticsRow[];
}
