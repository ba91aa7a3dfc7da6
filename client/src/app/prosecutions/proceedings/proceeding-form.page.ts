import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Offence, OFFENCE, PROCEEDING_VICTIM_ROLE, ProceedingVictimRole, PROTECTION_MEASURE, ProtectionMeasure } from '@ruta/shared';
import { notInFuture, todayInColombia } from '../../cases/calendar-date';
import { OptionChips } from '../../cases/option-chips';
import { OptionSelect } from '../../cases/option-select';
import { AuthStore } from '../../core/auth/auth.store';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { ProsecutionErrorPipe } from '../prosecution-error.pipe';
import { ProsecutionsApi } from '../prosecutions.api';

/** `/judicializacion/procesos/nuevo?caso=RT-…`: a criminal proceeding opened from a case (its victim) or on its own. */
@Component({
  selector: 'ruta-proceeding-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProsecutionErrorPipe, ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError, OptionSelect, OptionChips],
  template: `
    <section class="page">
      <div class="page-header"><h1 tabindex="-1">{{ 'prosecutions.newProceeding' | translate }}</h1></div>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate class="stack form">
        <mat-form-field>
          <mat-label>{{ 'prosecutions.nunc' | translate }}</mat-label>
          <input matInput formControlName="nunc" required inputmode="numeric" maxlength="25" autocomplete="off" data-testid="proceeding-nunc" />
          <mat-hint>{{ 'prosecutions.nuncHint' | translate }}</mat-hint>
          <mat-error>{{ form.controls.nunc.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.reportedOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="reportedOn" required [max]="today" data-testid="proceeding-reported-on" />
          <mat-error>{{ form.controls.reportedOn.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.prosecutorUnit' | translate }}</mat-label>
          <input matInput formControlName="prosecutorUnit" required maxlength="200" data-testid="proceeding-unit" />
          <mat-error>{{ form.controls.prosecutorUnit.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.prosecutorName' | translate }}</mat-label>
          <input matInput formControlName="prosecutorName" required maxlength="200" data-testid="proceeding-prosecutor" />
          <mat-error>{{ form.controls.prosecutorName.errors | rutaProsecutionError | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-option-chips [control]="form.controls.offences" [list]="offences" label="prosecutions.offences" testId="proceeding-offences" />
        @if (form.controls.offences.value.includes('other')) {
          <mat-form-field>
            <mat-label>{{ 'prosecutions.otherOffence' | translate }}</mat-label>
            <input matInput formControlName="otherOffence" maxlength="200" data-testid="proceeding-other-offence" />
            <mat-error>{{ form.controls.otherOffence.errors | rutaProsecutionError | rutaError }}</mat-error>
          </mat-form-field>
        }
        @if (caseCode) {
          <p data-testid="proceeding-victim-case">{{ 'prosecutions.victimCase' | translate: { code: caseCode } }}</p>
          <ruta-option-select [control]="form.controls.role" [list]="roles" label="prosecutions.victimRole" testId="proceeding-victim-role" [required]="true" />
          <ruta-option-chips [control]="form.controls.protectionMeasures" [list]="measures" label="prosecutions.protectionMeasures" testId="proceeding-measures" />
        }
        <ruta-form-error [message]="error() | rutaProsecutionError" />
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="proceeding-save">{{ 'prosecutions.openProceeding' | translate }}</button>
          <a mat-button [routerLink]="caseCode ? ['/casos', caseCode] : ['/judicializacion']">{{ 'common.cancel' | translate }}</a>
        </div>
      </form>
    </section>
  `,
  styles: `
    .form { max-width: 640px; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; }
  `,
})
export class ProceedingFormPage {
  private readonly api = inject(ProsecutionsApi);
  private readonly router = inject(Router);
  protected readonly offences = OFFENCE;
  protected readonly roles = PROCEEDING_VICTIM_ROLE;
  protected readonly measures = PROTECTION_MEASURE;
  protected readonly today = todayInColombia();
  /** The case it is opened from (codes in URLs, never names). */
  protected readonly caseCode = /^RT-\d{4}-\d{6}$/i.test(inject(ActivatedRoute).snapshot.queryParamMap.get('caso') ?? '')
    ? inject(ActivatedRoute).snapshot.queryParamMap.get('caso')!.toUpperCase()
    : null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    nunc: ['', [Validators.required, Validators.pattern(/^\s*(\d\s*){21}$/)]],
    reportedOn: [this.today, [Validators.required, notInFuture]],
    prosecutorUnit: ['', [Validators.required, Validators.maxLength(200)]],
    prosecutorName: [inject(AuthStore).me()?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    offences: [['art_188a'] as string[], [Validators.required]],
    otherOffence: ['', [Validators.maxLength(200)]],
    role: ['victim' as string, [Validators.required]],
    protectionMeasures: [[] as string[]],
  });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.api.createProceeding({
          nunc: v.nunc.replace(/\s+/g, ''),
          reportedOn: v.reportedOn,
          prosecutorUnit: v.prosecutorUnit.trim(),
          prosecutorName: v.prosecutorName.trim(),
          offences: v.offences as Offence[],
          ...(v.offences.includes('other') ? { otherOffence: v.otherOffence.trim() } : {}),
          victims: this.caseCode ? [{ caseCode: this.caseCode, role: v.role as ProceedingVictimRole, protectionMeasures: v.protectionMeasures as ProtectionMeasure[] }] : [],
        }),
      { done: (created) => void this.router.navigate(['/judicializacion/procesos', created.id]) },
    );
  }
}
