import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { DefendantView, HEARING_TYPE, HearingType, HearingView, ProceedingView } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { ProsecutionErrorPipe } from '../prosecution-error.pipe';
import { ProsecutionsApi } from '../prosecutions.api';

/** The proceeding's hearing calendar (past and coming, in order) and a form to record one. */
@Component({
  selector: 'ruta-hearings-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProsecutionErrorPipe, DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, FormError, OptionLabelPipe, OptionSelect, CanDirective],
  template: `
    <ol class="stack calendar" data-testid="hearings-list">
      @for (h of hearings(); track h.id) {
        <li [class.coming]="h.at >= now" data-testid="hearing">
          <strong>{{ h.at | date: 'medium' : undefined : locale() }}</strong> · {{ h.type | rutaOption: types }} · {{ h.court }}
          @if (h.defendantId) { · {{ nameOf(h.defendantId) }} }
          @if (h.outcome) { — {{ h.outcome }} }
          @if (h.nextAt) { · <span data-testid="hearing-next">{{ 'prosecutions.nextAtOn' | translate: { date: (h.nextAt | date: 'medium' : undefined : locale()) } }}</span> }
          @if (h.at >= now) { · <em>{{ 'prosecutions.coming' | translate }}</em> }
        </li>
      } @empty {
        <li class="muted">{{ 'prosecutions.noHearings' | translate }}</li>
      }
    </ol>
    <form *rutaCan="'proceedings:manage'" [formGroup]="form" (ngSubmit)="save()" novalidate class="row" data-testid="add-hearing">
      <mat-form-field>
        <mat-label>{{ 'prosecutions.hearingAt' | translate }}</mat-label>
        <input matInput type="datetime-local" formControlName="at" required data-testid="hearing-at" />
        <mat-error>{{ form.controls.at.errors | rutaProsecutionError | rutaError }}</mat-error>
      </mat-form-field>
      <ruta-option-select [control]="form.controls.type" [list]="types" label="prosecutions.hearingType" testId="hearing-type" [required]="true" />
      <mat-form-field>
        <mat-label>{{ 'prosecutions.court' | translate }}</mat-label>
        <input matInput formControlName="court" required maxlength="200" data-testid="hearing-court" />
        <mat-error>{{ form.controls.court.errors | rutaProsecutionError | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'prosecutions.defendant' | translate }}</mat-label>
        <mat-select formControlName="defendantId" data-testid="hearing-defendant">
          <mat-option value="">{{ 'prosecutions.allDefendants' | translate }}</mat-option>
          @for (d of defendants(); track d.id) {
            <mat-option [value]="d.id">{{ d.trafficker?.name ?? d.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'prosecutions.outcome' | translate }}</mat-label>
        <input matInput formControlName="outcome" maxlength="2000" data-testid="hearing-outcome" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'prosecutions.nextAt' | translate }}</mat-label>
        <input matInput type="datetime-local" formControlName="nextAt" [min]="form.controls.at.value" data-testid="hearing-next-at" />
      </mat-form-field>
      <ruta-form-error [message]="error() | rutaProsecutionError" />
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="hearing-save">{{ 'prosecutions.recordHearing' | translate }}</button>
    </form>
  `,
  styles: `
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
    .row > mat-form-field, .row > ruta-option-select, .row > ruta-country-select { flex: 1 1 14rem; min-width: 0; }
    @media (max-width: 599px) { .row { flex-direction: column; align-items: stretch; } }
    .calendar { padding-left: 20px; }
    .coming { font-weight: 500; }
  `,
})
export class HearingsPanel {
  readonly proceedingId = input.required<string>();
  readonly hearings = input.required<HearingView[]>();
  readonly defendants = input.required<DefendantView[]>();
  readonly recorded = output<ProceedingView>();
  private readonly api = inject(ProsecutionsApi);
  private readonly language = inject(LanguageService);
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  protected readonly types = HEARING_TYPE;
  protected readonly now = new Date().toISOString();
  protected readonly form = inject(NonNullableFormBuilder).group({
    at: ['', [Validators.required]],
    type: ['', [Validators.required]],
    court: ['', [Validators.required, Validators.maxLength(200)]],
    defendantId: [''],
    outcome: ['', [Validators.maxLength(2000)]],
    nextAt: [''],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected nameOf(id: string): string {
    const d = this.defendants().find((x) => x.id === id);
    return d ? (d.trafficker?.name ?? d.label) : '';
  }

  protected save(): void {
    const v = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.api.addHearing(this.proceedingId(), {
          at: new Date(v.at).toISOString(),
          type: v.type as HearingType,
          court: v.court.trim(),
          ...(v.defendantId ? { defendantId: v.defendantId } : {}),
          ...(v.outcome.trim() ? { outcome: v.outcome.trim() } : {}),
          ...(v.nextAt ? { nextAt: new Date(v.nextAt).toISOString() } : {}),
        }),
      {
        done: (view) => {
          this.form.reset({ at: '', type: '', court: '', defendantId: '', outcome: '', nextAt: '' });
          this.recorded.emit(view);
        },
      },
    );
  }
}
