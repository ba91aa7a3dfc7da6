import type { FieldError } from '../http/problem';
import type { DefendantStage, Shortcut } from './defendant-stage';

/**
 * The codes of the prosecutions area's own errors. The client words each in the user's language
 * (`prosecutions.errors.<code>` in its dictionaries) with the error's `params`; `message` stays the English fallback.
 */
export const PROSECUTION_ERROR_CODES = [
  'nunc_format',
  'nunc_year',
  'nunc_divipola',
  'nunc_year_mismatch',
  'nunc_taken',
  'stage_not_allowed',
  'stage_final',
  'shortcut_target',
  'shortcut_stage',
  'before_stage',
  'one_of',
  'already_defendant',
  'decision_date',
  'decided_before_filing',
  'before_hearing',
  'cursor_order',
] as const;
export type ProsecutionErrorCode = (typeof PROSECUTION_ERROR_CODES)[number];

/** What a message needs: codes and numbers only (stages, years, a DIVIPOLA code, a date), never what a person typed as text. */
export interface ProsecutionErrorParams {
  /** The NUNC's year (digits 13 to 16). */
  year?: number;
  /** The latest year a NUNC may carry. */
  currentYear?: number;
  /** The NUNC's first five digits, when they are not a DIVIPOLA municipality. */
  municipality?: string;
  from?: DefendantStage;
  to?: DefendantStage;
  /** The stages that may come next. */
  next?: DefendantStage[];
  shortcut?: Shortcut;
  /** A calendar date (YYYY-MM-DD), e.g. when the current stage began. */
  since?: string;
}

/** A field error of the prosecutions area: a FieldError with the parameters of its message. */
export interface ProsecutionFieldError extends FieldError {
  code: ProsecutionErrorCode;
  params?: ProsecutionErrorParams;
}

export function isProsecutionErrorCode(code: unknown): code is ProsecutionErrorCode {
  return (PROSECUTION_ERROR_CODES as readonly unknown[]).includes(code);
}
