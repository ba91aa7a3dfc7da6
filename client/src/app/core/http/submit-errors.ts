import { AbstractControl } from '@angular/forms';
import { applyProblemToForm, ErrorMessage, fieldErrorMessage, problemMessage, toProblem } from './problem';

/**
 * Distributes a failed submission over a form: field errors under their fields, the rest as one form message.
 * Returns the form message (null when every error found its field).
 */
export function submitErrors(form: AbstractControl, error: unknown): ErrorMessage | null {
  const problem = toProblem(error);
  if (!problem?.errors?.length) return problemMessage(error);
  const unmatched = applyProblemToForm(form, problem);
  return unmatched.length ? fieldErrorMessage(unmatched[0]) : null;
}
