import { ChangeDetectionStrategy, Component, inject, OnInit, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_DIRECTION, CASE_SCOPE, CASE_SOURCE, CaseDetailView, TRAFFICKING_STATUS, UpdateCaseRequest } from '@ruta/shared';
import { startWith } from 'rxjs';
import { FormError } from '../../core/http/form-error';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { notInFuture, todayInColombia } from '../calendar-date';
import { CasesApi } from '../cases.api';
import { OptionSelect } from '../option-select';
import { CaseDetailStore } from './case-detail.store';
import { ConflictBanner } from './conflict-banner';
import { CaseEdit } from './case-edit';
import { changedFields } from './stale-version';

/** The summary fields as the API holds them, in the shape the edit form produces (for the PATCH diff). */
function summaryOf(c: CaseDetailView) {
  return { source: c.source, scope: c.scope, direction: c.direction ?? '', identifiedOn: c.identifiedOn, traffickingStatus: c.traffickingStatus };
}

/** Source, scope and direction, identification date and trafficking status, saved with the case version. */
@Component({
  selector: 'ruta-summary-edit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatDatepickerModule, TranslatePipe, ErrorMessagePipe, FormError, OptionSelect, ConflictBanner],
  template: `
    <form [formGroup]="form" (submit)="$event.preventDefault(); save()" novalidate data-testid="summary-edit-form">
      @if (conflict(); as k) {
        <ruta-conflict-banner [conflict]="k" (reapply)="reapply()" (discard)="discard()" />
      }
      <div class="form-grid">
        <ruta-option-select [control]="form.controls.source" [list]="l.CASE_SOURCE" label="cases.source" testId="summary-source" [required]="true" />
        <ruta-option-select [control]="form.controls.scope" [list]="l.CASE_SCOPE" label="cases.scope" testId="summary-scope" [required]="true" />
        @if (scope() === 'international') {
          <ruta-option-select [control]="form.controls.direction" [list]="l.CASE_DIRECTION" label="cases.direction" testId="summary-direction" />
        }
        <mat-form-field>
          <mat-label>{{ 'cases.identifiedOn' | translate }}</mat-label>
          <input matInput [matDatepicker]="pickerIdentifiedOn" formControlName="identifiedOn" required [max]="today" data-testid="summary-identified-on" [placeholder]="'cases.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerIdentifiedOn" />
<mat-datepicker #pickerIdentifiedOn />
          <mat-error>{{ form.controls.identifiedOn.errors | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-option-select [control]="form.controls.traffickingStatus" [list]="l.TRAFFICKING_STATUS" label="cases.traffickingStatus" testId="summary-trafficking-status" [required]="true" />
      </div>
      <ruta-form-error [message]="error()" />
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="summary-save">{{ 'common.save' | translate }}</button>
        <button mat-button type="button" (click)="closed.emit()">{{ 'common.cancel' | translate }}</button>
      </div>
    </form>
  `,
})
export class SummaryEdit implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(CasesApi);
  private readonly store = inject(CaseDetailStore);
  /** Saved or cancelled. */
  readonly closed = output<void>();
  protected readonly today = todayInColombia();
  protected readonly l = { CASE_DIRECTION, CASE_SCOPE, CASE_SOURCE, TRAFFICKING_STATUS };

  protected readonly form = this.fb.group({
    source: ['' as string, Validators.required],
    scope: ['' as string, Validators.required],
    direction: ['' as string],
    identifiedOn: ['', [Validators.required, notInFuture]],
    traffickingStatus: ['' as string, Validators.required],
  });
  protected readonly scope = toSignal(this.form.controls.scope.valueChanges.pipe(startWith(this.form.controls.scope.value)), { requireSync: true });
  private readonly editing = new CaseEdit();
  protected readonly conflict = this.editing.conflict;
  protected readonly error = this.editing.error;
  protected readonly busy = this.editing.busy;

  ngOnInit(): void {
    const detail = this.store.detail();
    if (detail) this.form.reset(summaryOf(detail));
  }

  protected save(): void {
    const detail = this.store.detail();
    if (!detail) return;
    const value = this.form.getRawValue();
    const after = { ...value, direction: value.scope === 'international' ? value.direction : '' };
    const patch = changedFields<UpdateCaseRequest>(summaryOf(detail), after);
    this.editing.save(this.form, patch, (code, version) => this.api.update(code, { ...patch, version }), () => this.closed.emit());
  }

  /** Reload the case; the form keeps the user's values and the next save uses the new version. */
  protected reapply(): void {
    this.editing.reapply();
  }

  protected discard(): void {
    this.editing.discard((view) => this.form.reset(summaryOf(view)));
  }
}
