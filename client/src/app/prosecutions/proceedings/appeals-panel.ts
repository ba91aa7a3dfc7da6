import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { APPEAL_DECISION, AppealDecision, AppealView, APPELLANT, Appellant, CreateAppealRequest, DefendantView, ProceedingView } from '@ruta/shared';
import { notInFuture, todayInColombia } from '../../cases/calendar-date';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { ProsecutionErrorPipe } from '../prosecution-error.pipe';
import { ProsecutionsApi } from '../prosecutions.api';
import { AppealEdit } from './appeal-edit';

/** The appeals of each defendant (who filed, when, how decided) and a form to record one. */
@Component({
  selector: 'ruta-appeals-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProsecutionErrorPipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, FormError, OptionLabelPipe, OptionSelect, CanDirective, CalendarDatePipe, AppealEdit],
  template: `
    <ul class="stack appeals" data-testid="appeals-list" [attr.data-count]="appeals().length">
      @for (g of byDefendant(); track g.defendant.id) {
        <li>
          <strong>{{ nameOf(g.defendant) }}</strong>
          <ul>
            @for (a of g.appeals; track a.id) {
              <li data-testid="appeal">
                {{ a.filedOn | rutaDate }} · {{ a.appellant | rutaOption: appellants }} · {{ a.decision | rutaOption: decisions }}
                @if (a.decidedOn) { {{ 'prosecutions.decidedOn' | translate: { date: (a.decidedOn | rutaDate) } }} }
                <ruta-appeal-edit *rutaCan="'proceedings:manage'" [proceedingId]="proceedingId()" [appeal]="a" (saved)="recorded.emit($event)" />
              </li>
            }
          </ul>
        </li>
      } @empty {
        <li class="muted">{{ 'prosecutions.noAppeals' | translate }}</li>
      }
    </ul>
    @if (defendants().length) {
      <form *rutaCan="'proceedings:manage'" [formGroup]="form" (ngSubmit)="save()" novalidate class="row" data-testid="add-appeal">
        <mat-form-field>
          <mat-label>{{ 'prosecutions.defendant' | translate }}</mat-label>
          <mat-select formControlName="defendantId" required data-testid="appeal-defendant">
            @for (d of defendants(); track d.id) {
              <mat-option [value]="d.id" [attr.data-testid]="'appeal-defendant-option-' + d.label">{{ nameOf(d) }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.defendantId.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.filedOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="filedOn" required [max]="today" data-testid="appeal-filed-on" />
          <mat-error>{{ form.controls.filedOn.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-option-select [control]="form.controls.appellant" [list]="appellants" label="prosecutions.appellant" testId="appeal-appellant" [required]="true" />
        <ruta-option-select [control]="form.controls.decision" [list]="decisions" label="prosecutions.decision" testId="appeal-decision" [required]="true" />
        @if (decided()) {
          <mat-form-field>
            <mat-label>{{ 'prosecutions.decisionOn' | translate }}</mat-label>
            <input matInput type="date" formControlName="decidedOn" required [min]="form.controls.filedOn.value" [max]="today" data-testid="appeal-decided-on" />
            <mat-error>{{ form.controls.decidedOn.errors | rutaProsecutionError | rutaError }}</mat-error>
          </mat-form-field>
        }
        <ruta-form-error [message]="error() | rutaProsecutionError" />
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="appeal-save">{{ 'prosecutions.recordAppeal' | translate }}</button>
      </form>
    }
  `,
  styles: `
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
    .row > mat-form-field, .row > ruta-option-select { flex: 1 1 14rem; min-width: 0; }
    @media (max-width: 599px) { .row { flex-direction: column; align-items: stretch; } .row > mat-form-field, .row > ruta-option-select { flex: 0 0 auto; } }
    .appeals { padding-left: 20px; }
  `,
})
export class AppealsPanel {
  readonly proceedingId = input.required<string>();
  readonly appeals = input.required<AppealView[]>();
  readonly defendants = input.required<DefendantView[]>();
  readonly recorded = output<ProceedingView | 'stale'>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly appellants = APPELLANT;
  protected readonly decisions = APPEAL_DECISION;
  protected readonly today = todayInColombia();
  protected readonly form = inject(NonNullableFormBuilder).group({
    defendantId: ['', [Validators.required]],
    filedOn: [this.today, [Validators.required, notInFuture]],
    appellant: ['', [Validators.required]],
    decision: ['pending', [Validators.required]],
    decidedOn: ['', [notInFuture]],
  });
  private readonly decision = toSignal(this.form.controls.decision.valueChanges, { initialValue: 'pending' });
  /** A decided appeal carries its decision date; a pending one has none. */
  protected readonly decided = computed(() => !!this.decision() && this.decision() !== 'pending');
  /** Each defendant with appeals, in the proceeding's order, their appeals by filing date. */
  protected readonly byDefendant = computed(() =>
    this.defendants()
      .map((defendant) => ({ defendant, appeals: this.appeals().filter((a) => a.defendantId === defendant.id) }))
      .filter((g) => g.appeals.length > 0),
  );
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected nameOf(d: DefendantView): string {
    return d.trafficker?.name ?? d.label;
  }

  protected save(): void {
    const v = this.form.getRawValue();
    if (this.decided() && !v.decidedOn) {
      this.form.controls.decidedOn.setErrors({ required: true });
      this.form.controls.decidedOn.markAsTouched();
      return;
    }
    const body: CreateAppealRequest = { defendantId: v.defendantId, filedOn: v.filedOn, appellant: v.appellant as Appellant, decision: v.decision as AppealDecision };
    if (this.decided()) body.decidedOn = v.decidedOn;
    this.submission.submit(() => this.api.addAppeal(this.proceedingId(), body), {
      done: (view) => {
        this.form.reset({ defendantId: '', filedOn: this.today, appellant: '', decision: 'pending', decidedOn: '' });
        this.recorded.emit(view);
      },
    });
  }
}
