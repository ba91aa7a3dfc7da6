import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, ValidationErrors } from '@angular/forms';
import { FieldError, Problem } from '@ruta/shared';

/** A message to translate: `key` in the dictionaries, else `fallback` (the API's English text). */
export interface ErrorMessage {
  key: string;
  params?: Record<string, unknown>;
  fallback?: string;
}

/** The problem+json body of a failed API call, when there is one. */
export function toProblem(error: unknown): Problem | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (body && typeof body === 'object' && typeof (body as Problem).code === 'string') return body as Problem;
  return null;
}

export function problemCode(error: unknown): string | null {
  return toProblem(error)?.code ?? null;
}

/** The request id to quote to support: from the problem body, else the response header. */
export function requestIdOf(error: unknown): string | null {
  const fromBody = toProblem(error)?.requestId;
  if (fromBody) return fromBody;
  return error instanceof HttpErrorResponse ? error.headers?.get('x-request-id') ?? null : null;
}

/**
 * Puts each field error of the problem on the control at its (dotted) path as `{ server: FieldError }`.
 * Returns the errors no control matched, to be shown with the form.
 */
export function applyProblemToForm(form: AbstractControl, problem: Problem): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const fieldError of problem.errors ?? []) {
    const control = fieldError.field ? form.get(fieldError.field) : null;
    if (!control) {
      unmatched.push(fieldError);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: fieldError });
    control.markAsTouched();
  }
  return unmatched;
}

/** The message for the whole problem (shown above or below a form). */
/**
 * The message of a failed request. `wording` gives a screen its own words for some codes, e.g. a case outside the
 * user's scope (`not_found`) says so without telling whether the case exists.
 */
export function problemMessage(error: unknown, wording: Partial<Record<string, string>> = {}): ErrorMessage {
  const problem = toProblem(error);
  if (!problem) {
    const status = error instanceof HttpErrorResponse ? error.status : -1;
    return { key: status === 0 ? 'errors.network' : 'errors.generic' };
  }
  const own = wording[problem.code];
  if (own) return { key: own };
  return { key: `errors.${problem.code}`, fallback: problem.detail ?? problem.title };
}

export function fieldErrorMessage(error: FieldError): ErrorMessage {
  return { key: `errors.${error.code}`, fallback: error.message };
}

/** The first error of a control, as a translatable message. Client validators share the API's codes. */
export function controlErrorMessage(errors: ValidationErrors | null | undefined): ErrorMessage | null {
  if (!errors) return null;
  if (errors['server']) return fieldErrorMessage(errors['server'] as FieldError);
  if (errors['required']) return { key: 'errors.isNotEmpty' };
  if (errors['email']) return { key: 'errors.isEmail' };
  if (errors['minlength']) return { key: 'errors.minLengthOf', params: { min: errors['minlength'].requiredLength } };
  if (errors['maxlength']) return { key: 'errors.maxLengthOf', params: { max: errors['maxlength'].requiredLength } };
  if (errors['pattern']) return { key: 'errors.pattern' };
  // The date picker's own checks: a date that cannot be read, one after today (every `max` of Ruta's date fields).
  if (errors['matDatepickerParse']) return { key: 'errors.isCalendarDate' };
  if (errors['matDatepickerMax']) return { key: 'errors.notInFuture' };
  const [first] = Object.keys(errors);
  return { key: `errors.${first}` };
}
