import { inject, signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { Observable } from 'rxjs';
import { CaseDetailView } from '@ruta/shared';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage } from '../../core/http/problem';
import { submitErrors } from '../../core/http/submit-errors';
import { CaseDetailStore } from './case-detail.store';
import { StaleConflict, staleConflictOf } from './stale-version';

/**
 * Saving one section of a case with optimistic locking: sends only the changed fields with the version the user edited,
 * shows field errors under their fields, and on `stale_version` keeps the user's values and shows what others changed
 * until they reload (and save again on the new version) or discard. Create it in a component's field initialiser.
 */
export class CaseEdit {
  readonly conflict = signal<StaleConflict | null>(null);
  readonly error = signal<ErrorMessage | null>(null);
  readonly busy = signal(false);
  private readonly store = inject(CaseDetailStore);
  private readonly notifier = inject(Notifier);

  /** Sends `patch` unless the form is invalid or nothing changed; `saved` runs after a successful (or empty) save. */
  save(form: AbstractControl, patch: object, send: (code: string, version: number) => Observable<CaseDetailView>, saved: () => void): void {
    const detail = this.store.detail();
    if (!detail) return;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    if (!Object.keys(patch).length) {
      saved();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    send(detail.code, detail.version).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.conflict.set(null);
        this.store.set(view);
        this.notifier.info('caseDetail.saved');
        saved();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const conflict = staleConflictOf(error);
        if (conflict) this.conflict.set(conflict);
        else this.error.set(submitErrors(form, error));
      },
    });
  }

  /** Reloads the case; the form keeps the user's values and the next save uses the new version. */
  reapply(): void {
    this.store.reload().subscribe(() => {
      this.conflict.set(null);
      this.notifier.info('conflict.reloaded');
    });
  }

  /** Reloads the case and hands the fresh view to `reset`, dropping the user's values. */
  discard(reset: (view: CaseDetailView) => void): void {
    this.store.reload().subscribe((view) => {
      this.conflict.set(null);
      reset(view);
    });
  }

  reset(): void {
    this.conflict.set(null);
    this.error.set(null);
  }
}
