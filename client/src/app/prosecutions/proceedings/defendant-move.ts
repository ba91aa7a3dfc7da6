import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFENDANT_STAGE, DefendantStage, DefendantView, HEARING_TYPE, HearingView, MoveDefendantRequest, SHORTCUT, Shortcut, SHORTCUT_FROM } from '@ruta/shared';
import { notInFuture, todayInColombia } from '../../cases/calendar-date';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { ProsecutionErrorPipe } from '../prosecution-error.pipe';
import { ProsecutionsApi } from '../prosecutions.api';
import { ProceedingView } from '@ruta/shared';

/** One legal move of a defendant: the next stage, its date and hearing, the detention, the sentence, the shortcut. */
@Component({
  selector: 'ruta-defendant-move',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProsecutionErrorPipe, ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, FormError, OptionLabelPipe, OptionSelect, CalendarDatePipe],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="move" [attr.data-testid]="'defendant-move-' + defendant().label">
      <mat-form-field>
        <mat-label>{{ 'prosecutions.nextStage' | translate }}</mat-label>
        <mat-select formControlName="to" required [attr.data-testid]="'defendant-next-' + defendant().label">
          @for (s of defendant().moves; track s) {
            <mat-option [value]="s" [attr.data-testid]="'defendant-next-option-' + s">{{ s | rutaOption: stages }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.to.errors | rutaProsecutionError | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'prosecutions.stageOn' | translate }}</mat-label>
        <input matInput type="date" formControlName="on" required [min]="defendant().stageSince" [max]="today" [attr.data-testid]="'defendant-on-' + defendant().label" />
        <mat-error>{{ form.controls.on.errors | rutaProsecutionError | rutaError }}</mat-error>
      </mat-form-field>
      @if (needsShortcut()) {
        <ruta-option-select [control]="form.controls.shortcut" [list]="shortcuts" label="prosecutions.shortcut" [testId]="'defendant-shortcut-' + defendant().label" [required]="true" />
      }
      @if (hearings().length) {
        <mat-form-field>
          <mat-label>{{ 'prosecutions.hearing' | translate }}</mat-label>
          <mat-select formControlName="hearingId">
            <mat-option value="">{{ 'common.notRecorded' | translate }}</mat-option>
            @for (h of hearings(); track h.id) {
              <mat-option [value]="h.id">{{ h.at.slice(0, 10) | rutaDate }} · {{ h.type | rutaOption: hearingTypes }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      @if (to() === 'imputacion') {
        <mat-checkbox formControlName="detention">{{ 'prosecutions.detention' | translate }}</mat-checkbox>
      }
      @if (to() === 'sentencia_condenatoria') {
        <mat-form-field>
          <mat-label>{{ 'prosecutions.prisonMonths' | translate }}</mat-label>
          <input matInput type="number" min="0" max="1200" formControlName="prisonMonths" required />
          <mat-error>{{ form.controls.prisonMonths.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.fineSmlmv' | translate }}</mat-label>
          <input matInput type="number" min="0" formControlName="fineSmlmv" required />
          <mat-error>{{ form.controls.fineSmlmv.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
      }
      <ruta-form-error [message]="error() | rutaProsecutionError" />
      <button mat-flat-button type="submit" [disabled]="busy() || !defendant().moves.length" [attr.data-testid]="'defendant-move-save-' + defendant().label">{{ 'prosecutions.move' | translate }}</button>
    </form>
  `,
  styles: `
    :host { display: block; min-width: 0; }
    .move { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; min-width: 0; }
    .move > mat-form-field, .move > ruta-option-select, .move > ruta-country-select { flex: 1 1 14rem; min-width: 0; }
    .move mat-select { min-width: 0; max-width: 100%; }
    @media (max-width: 599px) {
      .move { flex-direction: column; align-items: stretch; }
      .move > mat-form-field, .move > ruta-option-select, .move > ruta-country-select { flex: 0 0 auto; width: 100%; }
    }
  `,
})
export class DefendantMove {
  readonly proceedingId = input.required<string>();
  readonly defendant = input.required<DefendantView>();
  readonly hearings = input<HearingView[]>([]);
  readonly moved = output<ProceedingView | 'stale'>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly stages = DEFENDANT_STAGE;
  protected readonly shortcuts = SHORTCUT;
  protected readonly hearingTypes = HEARING_TYPE;
  protected readonly today = todayInColombia();
  protected readonly form = inject(NonNullableFormBuilder).group({
    to: ['', [Validators.required]],
    on: [this.today, [Validators.required, notInFuture]],
    shortcut: [''],
    hearingId: [''],
    detention: [false],
    prisonMonths: [0, [Validators.min(0), Validators.max(1200)]],
    fineSmlmv: [0, [Validators.min(0)]],
  });
  protected readonly to = toSignal(this.form.controls.to.valueChanges, { initialValue: '' });
  /** A conviction straight from a stage before the verdict is a preacuerdo or an allanamiento. */
  protected readonly needsShortcut = computed(() => this.to() === 'sentencia_condenatoria' && SHORTCUT_FROM.includes(this.defendant().stage));
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    const to = v.to as DefendantStage;
    const body: MoveDefendantRequest = { version: this.defendant().version, to, on: v.on };
    if (this.needsShortcut()) body.shortcut = (v.shortcut || undefined) as Shortcut | undefined;
    if (v.hearingId) body.hearingId = v.hearingId;
    if (to === 'imputacion' && v.detention) body.detention = true;
    if (to === 'sentencia_condenatoria') body.sentence = { prisonMonths: Number(v.prisonMonths), fineSmlmv: Number(v.fineSmlmv) };
    this.submission.submit(() => this.api.moveDefendant(this.proceedingId(), this.defendant().id, body), {
      done: (view) => {
        this.form.reset({ to: '', on: this.today, shortcut: '', hearingId: '', detention: false, prisonMonths: 0, fineSmlmv: 0 });
        this.moved.emit(view);
      },
      stale: () => this.moved.emit('stale'),
    });
  }
}
