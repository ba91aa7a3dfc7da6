import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { SavedCaseFilters, SavedFilterView } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { SavedFiltersApi } from '../saved-filters.api';

/** Saves the case list's current filters under a name; closes with the saved search. */
@Component({
  selector: 'ruta-save-search-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, ErrorMessagePipe, FormError],
  template: `
    <h2 mat-dialog-title>{{ 'savedSearches.save' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="stack">
        <mat-form-field>
          <mat-label>{{ 'savedSearches.name' | translate }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" cdkFocusInitial data-testid="saved-search-name" />
          <mat-hint>{{ 'savedSearches.hint' | translate }}</mat-hint>
          <mat-error>{{ form.controls.name.errors | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-form-error [message]="error()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="saved-search-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class SaveSearchDialog {
  private readonly filters = inject<SavedCaseFilters>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<SaveSearchDialog, SavedFilterView>>(MatDialogRef);
  private readonly api = inject(SavedFiltersApi);
  protected readonly form = inject(NonNullableFormBuilder).group({ name: ['', [Validators.required, Validators.maxLength(100)]] });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    this.submission.submit(() => this.api.create({ name: this.form.getRawValue().name.trim(), filters: this.filters }), { done: (saved) => this.ref.close(saved) });
  }
}
