/** The intake wizard has five steps: screening, identity, situation, consent, review. */
export const CASE_DRAFT_LAST_STEP = 4;
/** The largest draft the server keeps, as JSON (UTF-8 bytes of `value`). */
export const CASE_DRAFT_MAX_BYTES = 200 * 1024;
/** Drafts untouched for longer than this are deleted the next time their owner asks for them. */
export const CASE_DRAFT_TTL_DAYS = 7;

/** The current user's unfinished intake. `value` is the wizard's form value, opaque to the server. */
export interface CaseDraftView {
  step: number;
  value: Record<string, unknown>;
  updatedAt: string;
}

export interface SaveCaseDraftRequest {
  step: number;
  value: Record<string, unknown>;
}

export interface CaseDraftSavedView {
  step: number;
  updatedAt: string;
}
