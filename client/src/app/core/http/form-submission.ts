import { signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { Observable } from 'rxjs';
import { ErrorMessage, problemCode } from './problem';
import { submitErrors } from './submit-errors';

/**
 * The life of one form submission: refuses an invalid form (showing its errors), keeps the busy flag and the
 * form-level error, spreads field errors over the form, and hands a `stale_version` conflict to the caller.
 */
export class FormSubmission {
  readonly busy = signal(false);
  readonly error = signal<ErrorMessage | null>(null);

  constructor(private readonly form: AbstractControl) {}

  /** Sends `request` unless the form is invalid. */
  submit<T>(request: () => Observable<T>, handlers: { done: (value: T) => void; stale?: () => void }): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    request().subscribe({
      next: handlers.done,
      error: (error: unknown) => {
        this.busy.set(false);
        if (handlers.stale && problemCode(error) === 'stale_version') handlers.stale();
        else this.error.set(submitErrors(this.form, error));
      },
    });
  }
}
