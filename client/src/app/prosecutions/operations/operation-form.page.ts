import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { OPERATION_TYPE, OperationType } from '@ruta/shared';
import { notInFuture, todayInColombia } from '../../cases/calendar-date';
import { OptionSelect } from '../../cases/option-select';
import { PlacePicker } from '../../cases/place-picker';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { ProsecutionsApi } from '../prosecutions.api';

const CASE_CODES = /^\s*(RT-\d{4}-\d{6}\s*(,\s*RT-\d{4}-\d{6}\s*)*)?$/i;

/** `/judicializacion/operativos/nuevo`: a police or DAS operation, the victims (cases) it identified, the arrests. */
@Component({
  selector: 'ruta-operation-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError, OptionSelect, PlacePicker],
  template: `
    <section class="page">
      <div class="page-header"><h1 tabindex="-1">{{ 'prosecutions.newOperation' | translate }}</h1></div>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate class="stack form">
        <mat-form-field>
          <mat-label>{{ 'prosecutions.operationName' | translate }}</mat-label>
          <input matInput formControlName="name" required maxlength="200" data-testid="operation-name" />
          <mat-error>{{ form.controls.name.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.occurredOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="occurredOn" required [max]="today" data-testid="operation-date" />
          <mat-error>{{ form.controls.occurredOn.errors | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-place-picker [department]="form.controls.departmentCode" [municipality]="form.controls.municipalityCode" testId="operation-place" />
        <ruta-option-select [control]="form.controls.type" [list]="types" label="prosecutions.operationType" testId="operation-type" [required]="true" />
        <mat-form-field>
          <mat-label>{{ 'prosecutions.arrests' | translate }}</mat-label>
          <input matInput type="number" min="0" formControlName="arrests" required data-testid="operation-arrests" />
          <mat-error>{{ form.controls.arrests.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.operationCases' | translate }}</mat-label>
          <input matInput formControlName="caseCodes" data-testid="operation-cases" />
          <mat-hint>{{ 'prosecutions.operationCasesHint' | translate }}</mat-hint>
          <mat-error>{{ form.controls.caseCodes.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.description' | translate }}</mat-label>
          <textarea matInput formControlName="description" rows="3" maxlength="4000"></textarea>
        </mat-form-field>
        <ruta-form-error [message]="error()" />
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="operation-save">{{ 'common.save' | translate }}</button>
          <a mat-button routerLink="/judicializacion">{{ 'common.cancel' | translate }}</a>
        </div>
      </form>
    </section>
  `,
  styles: `
    .form { max-width: 640px; }
    .actions { display: flex; gap: 8px; }
  `,
})
export class OperationFormPage {
  private readonly api = inject(ProsecutionsApi);
  private readonly router = inject(Router);
  protected readonly types = OPERATION_TYPE;
  protected readonly today = todayInColombia();
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    occurredOn: [this.today, [Validators.required, notInFuture]],
    departmentCode: [''],
    municipalityCode: ['', [Validators.required]],
    type: ['', [Validators.required]],
    arrests: [0, [Validators.required, Validators.min(0)]],
    caseCodes: ['', [Validators.pattern(CASE_CODES)]],
    description: [''],
  });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    const caseCodes = v.caseCodes.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
    this.submission.submit(
      () =>
        this.api.createOperation({
          name: v.name.trim(),
          occurredOn: v.occurredOn,
          municipalityCode: v.municipalityCode,
          type: v.type as OperationType,
          arrests: Number(v.arrests),
          caseCodes,
          ...(v.description.trim() ? { description: v.description.trim() } : {}),
        }),
      { done: (created) => void this.router.navigate(['/judicializacion/operativos', created.id]) },
    );
  }
}
