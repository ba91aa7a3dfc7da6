import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { CreateErasureRequest, ERASURE_LEGAL_BASIS, ERASURE_REQUESTER, ErasureRequestView } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { PrivacyApi } from '../privacy.api';
import { privacyProblem } from '../privacy-errors';

function todayInBogota(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });
}

/** Records an erasure request: the case code, its legal basis, who asked, why and when it was received. */
@Component({
  selector: 'ruta-erasure-request-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, OptionLabelPipe, ErrorMessagePipe, FormError],
  styles: '.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 0 16px; } .wide { grid-column: 1 / -1; }',
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="erasure-form" (keydown.control.enter)="submit()">
      <h2>{{ 'privacy.erasure.new' | translate }}</h2>
      <div class="grid">
        <mat-form-field>
          <mat-label>{{ 'privacy.erasure.caseCode' | translate }}</mat-label>
          <input matInput formControlName="caseCode" placeholder="RT-2026-000123" autocomplete="off" data-testid="erasure-case-code" />
          <mat-error>{{ form.controls.caseCode.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'privacy.erasure.receivedOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="receivedOn" [max]="today" data-testid="erasure-received-on" />
          <mat-error>{{ form.controls.receivedOn.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'privacy.erasure.legalBasis' | translate }}</mat-label>
          <mat-select formControlName="legalBasis" data-testid="erasure-legal-basis">
            @for (b of bases.values; track b) { <mat-option [value]="b" [attr.data-testid]="'erasure-legal-basis-' + b">{{ b | rutaOption: bases }}</mat-option> }
          </mat-select>
          <mat-error>{{ form.controls.legalBasis.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'privacy.erasure.requester' | translate }}</mat-label>
          <mat-select formControlName="requester" data-testid="erasure-requester">
            @for (r of requesters.values; track r) { <mat-option [value]="r" [attr.data-testid]="'erasure-requester-' + r">{{ r | rutaOption: requesters }}</mat-option> }
          </mat-select>
          <mat-error>{{ form.controls.requester.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'privacy.erasure.reason' | translate }}</mat-label>
          <textarea matInput formControlName="reason" rows="2" data-testid="erasure-reason"></textarea>
          <mat-hint>{{ 'privacy.erasure.reasonHint' | translate }}</mat-hint>
          <mat-error>{{ form.controls.reason.errors | rutaError }}</mat-error>
        </mat-form-field>
      </div>
      <ruta-form-error [message]="submission.error()" />
      <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="erasure-submit">{{ 'privacy.erasure.record' | translate }}</button>
    </form>
  `,
})
export class ErasureRequestForm {
  private readonly api = inject(PrivacyApi);
  readonly recorded = output<ErasureRequestView>();
  protected readonly bases = ERASURE_LEGAL_BASIS;
  protected readonly requesters = ERASURE_REQUESTER;
  protected readonly today = todayInBogota();
  protected readonly form = inject(NonNullableFormBuilder).group({
    caseCode: ['', [Validators.required, Validators.pattern(/^\s*[Rr][Tt]-\d{4}-\d{6}\s*$/)]],
    receivedOn: [this.today, [Validators.required]],
    legalBasis: ['' as CreateErasureRequest['legalBasis'] | '', [Validators.required]],
    requester: ['' as CreateErasureRequest['requester'] | '', [Validators.required]],
    reason: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(2000)]],
  });
  protected readonly submission = new FormSubmission(this.form, { staysOpen: true });

  protected submit(): void {
    const value = this.form.getRawValue();
    this.submission.submit(
      () => this.api.createRequest({ ...value, caseCode: value.caseCode.trim().toUpperCase() } as CreateErasureRequest),
      {
        done: (created) => {
          this.form.reset({ caseCode: '', receivedOn: this.today, legalBasis: '', requester: '', reason: '' });
          this.recorded.emit(created);
        },
        rejected: () => this.submission.error.set(privacyProblem(this.submission.error())),
      },
    );
  }
}
