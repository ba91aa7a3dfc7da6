import { signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { Observable } from 'rxjs';
import { ErrorMessage, problemCode } from './problem';
import { submitErrors } from './submit-errors';

export interface FormSubmissionOptions {
  /**
   * The form stays in use after a success (add another note, try the next step): the busy flag clears then, and the
   * form is untouched and pristine again (with `TouchedErrorStateMatcher`, no field of it shows an error).
   * Without it the flag stays set, so a dialog that closes or a page that navigates away cannot send twice.
   */
  staysOpen?: boolean;
}

export interface SubmissionHandlers<T> {
  done: (value: T) => void;
  /** A `stale_version` conflict, instead of showing an error. */
  stale?: () => void;
  /** The form was refused: invalid here, or its errors came back from the server (not a stale version). */
  rejected?: () => void;
}

/**
 * The life of one form submission: refuses an invalid form (showing its errors), keeps the busy flag and the
 * form-level error, spreads field errors over the form, and hands a `stale_version` conflict to the caller.
 */
export class FormSubmission {
  readonly busy = signal(false);
  /** The form-level error; the owner may also set it (e.g. a file refused before sending). */
  readonly error = signal<ErrorMessage | null>(null);

  constructor(
    private readonly form: AbstractControl,
    private readonly options: FormSubmissionOptions = {},
  ) {}

  /** Sends `request` unless the form is invalid. */
  submit<T>(request: () => Observable<T>, handlers: SubmissionHandlers<T>): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      handlers.rejected?.();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    request().subscribe({
      next: (value) => {
        if (this.options.staysOpen) this.busy.set(false);
        handlers.done(value);
        // Used again (the next note, the next search): it starts clean, so an emptied required field is not red.
        if (this.options.staysOpen) {
          this.form.markAsUntouched();
          this.form.markAsPristine();
        }
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (handlers.stale && problemCode(error) === 'stale_version') {
          handlers.stale();
          return;
        }
        this.error.set(submitErrors(this.form, error));
        handlers.rejected?.();
      },
    });
  }
}
