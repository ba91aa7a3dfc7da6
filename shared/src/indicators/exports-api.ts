import { labelled, OptionOf } from '../common/labelled';

export const EXPORT_FORMAT = /*#__PURE__*/ labelled({
  csv: ['CSV', 'CSV'],
  xlsx: ['Excel (XLSX)', 'Excel (XLSX)'],
});
export type ExportFormat = OptionOf<typeof EXPORT_FORMAT>;

export const EXPORT_STATUS = /*#__PURE__*/ labelled({
  queued: ['En cola', 'Queued'],
  running: ['En preparación', 'Being prepared'],
  ready: ['Lista para descargar', 'Ready to download'],
  failed: ['Falló', 'Failed'],
});
export type ExportStatus = OptionOf<typeof EXPORT_STATUS>;

/** Exports up to this many cases are built in the request; larger ones by the background export job. */
export const EXPORT_INLINE_MAX_ROWS = 500;
/** Hours a finished export can be downloaded. */
export const EXPORT_LINK_HOURS = 24;

/** `POST /api/indicators/exports`: the case list the user can see, as a file. */
export interface CreateExportRequest {
  format: ExportFormat;
  /** With the victims' names: needs `cases:export` and identity access, and a reason (audited). */
  identified?: boolean;
  reason?: string;
  /** The case list's filters: identification period and status. */
  from?: string;
  to?: string;
  status?: string;
  /**
   * The rest of the case list's filters, as the list holds them (codes only: a name or a document number never goes
   * into an export request). Any of the statuses, institutions and purposes given; the others must match exactly.
   */
  statuses?: string[];
  institutionIds?: string[];
  purposes?: string[];
  departmentCode?: string;
  minor?: boolean;
  assignedToMe?: boolean;
  code?: string;
  createdFrom?: string;
  createdTo?: string;
  language?: 'es' | 'en';
}

export interface ExportJobView {
  id: string;
  format: ExportFormat;
  identified: boolean;
  status: ExportStatus;
  total: number;
  processed: number;
  createdAt: string;
  expiresAt: string | null;
  /** Present once ready and until it expires. */
  downloadUrl: string | null;
}
