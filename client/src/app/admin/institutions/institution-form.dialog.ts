import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { INSTITUTION_CODE_PATTERN, INSTITUTION_TYPES, InstitutionType, InstitutionView, NAME_MAX_LENGTH, UpdateInstitutionRequest } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { InstitutionsApi } from './institutions.api';

/** Closes with the saved institution, or `'stale'` when someone else changed it meanwhile. */
export type InstitutionFormResult = InstitutionView | 'stale';

@Component({
  selector: 'ruta-institution-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    TranslatePipe,
    ErrorMessagePipe,
    FormError,
  ],
  template: `
    <h2 mat-dialog-title>{{ (institution ? 'institutions.editTitle' : 'institutions.new') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="stack">
        <mat-form-field>
          <mat-label>{{ 'institutions.code' | translate }}</mat-label>
          <input matInput formControlName="code" autocomplete="off" spellcheck="false" data-testid="institution-code" />
          @if (!institution) {
            <mat-hint>{{ 'institutions.codeHint' | translate }}</mat-hint>
          }
          <mat-error>{{ form.controls.code.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'institutions.name' | translate }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="institution-name" />
          <mat-error>{{ form.controls.name.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'institutions.type' | translate }}</mat-label>
          <mat-select formControlName="type" data-testid="institution-type">
            @for (type of types; track type) {
              <mat-option [value]="type">{{ 'institutionTypes.' + type | translate }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.type.errors | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-form-error [message]="error()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="institution-save">
          {{ (institution ? 'common.save' : 'common.create') | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class InstitutionFormDialog {
  protected readonly institution = inject<InstitutionView | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<InstitutionFormDialog, InstitutionFormResult>>(MatDialogRef);
  private readonly api = inject(InstitutionsApi);

  protected readonly types = INSTITUTION_TYPES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [
      { value: this.institution?.code ?? '', disabled: !!this.institution },
      [Validators.required, Validators.pattern(INSTITUTION_CODE_PATTERN)],
    ],
    name: [this.institution?.name ?? '', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    type: [(this.institution?.type ?? '') as InstitutionType, Validators.required],
  });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const { code, name, type } = this.form.getRawValue();
    const institution = this.institution;
    this.submission.submit(
      () => (institution ? this.api.update(institution.id, this.changes(institution, name, type)) : this.api.create({ code, name, type })),
      { done: (saved) => this.ref.close(saved), stale: () => this.ref.close('stale') },
    );
  }


  private changes(institution: InstitutionView, name: string, type: InstitutionType): UpdateInstitutionRequest {
    const changes: UpdateInstitutionRequest = { version: institution.version };
    if (name !== institution.name) changes.name = name;
    if (type !== institution.type) changes.type = type;
    return changes;
  }
}
