import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { APPEAL_DECISION, AppealDecision, AppealView, APPELLANT, Appellant, ProceedingView, UpdateAppealRequest } from '@ruta/shared';
import { notInFuture, todayInColombia } from '../../cases/calendar-date';
import { OptionSelect } from '../../cases/option-select';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { ProsecutionErrorPipe } from '../prosecution-error.pipe';
import { ProsecutionsApi } from '../prosecutions.api';

/** One appeal corrected or decided (its outcome and date), sent with the version it was read at. */
@Component({
  selector: 'ruta-appeal-edit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, ProsecutionErrorPipe, FormError, OptionSelect],
  template: `
    @if (!open()) {
      <button mat-button type="button" (click)="open.set(true)" [attr.data-testid]="'appeal-edit-' + appeal().id">{{ 'prosecutions.editAppeal' | translate }}</button>
    } @else {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate class="row" [attr.data-testid]="'appeal-edit-form-' + appeal().id">
        <mat-form-field>
          <mat-label>{{ 'prosecutions.filedOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="filedOn" required [max]="today" />
          <mat-error>{{ form.controls.filedOn.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-option-select [control]="form.controls.appellant" [list]="appellants" label="prosecutions.appellant" [testId]="'appeal-edit-appellant-' + appeal().id" [required]="true" />
        <ruta-option-select [control]="form.controls.decision" [list]="decisions" label="prosecutions.decision" [testId]="'appeal-edit-decision-' + appeal().id" [required]="true" />
        @if (decided()) {
          <mat-form-field>
            <mat-label>{{ 'prosecutions.decisionOn' | translate }}</mat-label>
            <input matInput type="date" formControlName="decidedOn" required [min]="form.controls.filedOn.value" [max]="today" [attr.data-testid]="'appeal-edit-decided-on-' + appeal().id" />
            <mat-error>{{ form.controls.decidedOn.errors | rutaProsecutionError | rutaError }}</mat-error>
          </mat-form-field>
        }
        <ruta-form-error [message]="error() | rutaProsecutionError" />
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()" [attr.data-testid]="'appeal-edit-save-' + appeal().id">{{ 'common.save' | translate }}</button>
          <button mat-button type="button" (click)="open.set(false)">{{ 'common.cancel' | translate }}</button>
        </div>
      </form>
    }
  `,
  styles: `
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
    .row > mat-form-field, .row > ruta-option-select { flex: 1 1 12rem; min-width: 0; }
    .actions { display: flex; gap: 8px; }
    @media (max-width: 599px) { .row { flex-direction: column; align-items: stretch; } .row > mat-form-field, .row > ruta-option-select { flex: 0 0 auto; } }
  `,
})
export class AppealEdit implements OnInit {
  readonly proceedingId = input.required<string>();
  readonly appeal = input.required<AppealView>();
  readonly saved = output<ProceedingView | 'stale'>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly appellants = APPELLANT;
  protected readonly decisions = APPEAL_DECISION;
  protected readonly today = todayInColombia();
  protected readonly open = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    filedOn: ['', [Validators.required, notInFuture]],
    appellant: ['', [Validators.required]],
    decision: ['pending', [Validators.required]],
    decidedOn: ['', [notInFuture]],
  });
  private readonly decision = toSignal(this.form.controls.decision.valueChanges, { initialValue: 'pending' });
  protected readonly decided = computed(() => !!this.decision() && this.decision() !== 'pending');
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    const a = this.appeal();
    this.form.reset({ filedOn: a.filedOn, appellant: a.appellant, decision: a.decision, decidedOn: a.decidedOn ?? '' });
  }

  protected save(): void {
    const v = this.form.getRawValue();
    if (this.decided() && !v.decidedOn) {
      this.form.controls.decidedOn.setErrors({ required: true });
      this.form.controls.decidedOn.markAsTouched();
      return;
    }
    const body: UpdateAppealRequest = {
      version: this.appeal().version,
      filedOn: v.filedOn,
      appellant: v.appellant as Appellant,
      decision: v.decision as AppealDecision,
      decidedOn: this.decided() ? v.decidedOn : null,
    };
    this.submission.submit(() => this.api.updateAppeal(this.proceedingId(), this.appeal().id, body), {
      done: (view) => {
        this.open.set(false);
        this.saved.emit(view);
      },
      stale: () => this.saved.emit('stale'),
    });
  }
}
