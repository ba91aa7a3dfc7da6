import { ErrorMessage } from '../core/http/problem';

/** The API's problem codes of this area that have their own words (`privacy.errors.<code>`). */
export const PRIVACY_ERROR_CODES = [
  'erasure_own_request',
  'erasure_already_approved_by_you',
  'erasure_not_pending',
  'erasure_needs_two_approvals',
  'erasure_not_approved',
  'erasure_already_open',
  'erasure_not_carried_out',
  'retention_not_pending',
  'retention_not_due',
  'not_found',
] as const;

/** A form-level message in this area's words when the code is one of its own; any other stays as it is. */
export function privacyProblem(message: ErrorMessage | null): ErrorMessage | null {
  if (!message) return null;
  const code = message.key.replace(/^errors\./, '');
  return (PRIVACY_ERROR_CODES as readonly string[]).includes(code) ? { ...message, key: `privacy.errors.${code}` } : message;
}
