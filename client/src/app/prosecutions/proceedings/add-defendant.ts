import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFENDANT_SEX, DefendantSex, ProceedingView } from '@ruta/shared';
import { CountrySelect } from '../../cases/country-select';
import { OptionSelect } from '../../cases/option-select';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { ProsecutionErrorPipe } from '../prosecution-error.pipe';
import { ProsecutionsApi } from '../prosecutions.api';

/** A new defendant by name (recorded as an alleged trafficker of the institution), with sex and nationality. */
@Component({
  selector: 'ruta-add-defendant',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProsecutionErrorPipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError, OptionSelect, CountrySelect],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="row" data-testid="add-defendant">
      <mat-form-field>
        <mat-label>{{ 'prosecutions.defendantName' | translate }}</mat-label>
        <input matInput formControlName="name" required maxlength="200" autocomplete="off" data-testid="defendant-name" />
        <mat-error>{{ form.controls.name.errors | rutaProsecutionError | rutaError }}</mat-error>
      </mat-form-field>
      <ruta-option-select [control]="form.controls.sex" [list]="sexes" label="prosecutions.sex" testId="defendant-sex" [required]="true" />
      <ruta-country-select [control]="form.controls.nationality" label="prosecutions.nationality" testId="defendant-nationality" />
      <ruta-form-error [message]="error() | rutaProsecutionError" />
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="defendant-add">{{ 'prosecutions.addDefendant' | translate }}</button>
    </form>
  `,
  styles: `
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
    .row > mat-form-field, .row > ruta-option-select, .row > ruta-country-select { flex: 1 1 14rem; min-width: 0; }
    @media (max-width: 599px) { .row { flex-direction: column; align-items: stretch; } }
  `,
})
export class AddDefendant {
  readonly proceedingId = input.required<string>();
  readonly added = output<ProceedingView>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly sexes = DEFENDANT_SEX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    sex: ['', [Validators.required]],
    nationality: [''],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    this.submission.submit(
      () => this.api.addDefendant(this.proceedingId(), { name: v.name.trim(), sex: v.sex as DefendantSex, ...(v.nationality ? { nationality: v.nationality } : {}) }),
      {
        done: (view) => {
          this.form.reset({ name: '', sex: '', nationality: '' });
          this.added.emit(view);
        },
      },
    );
  }
}
