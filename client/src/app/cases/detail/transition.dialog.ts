import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, CaseStatus, CLOSE_REASON, SUSPENSION_REASON } from '@ruta/shared';
import { OptionLabelPipe } from '../option-label.pipe';
import { OptionSelect } from '../option-select';

export interface TransitionData {
  to: CaseStatus;
}

/** Confirms a status move; closing and suspending ask for their reason. Closes with the reason ('' when none). */
@Component({
  selector: 'ruta-transition-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, TranslatePipe, OptionLabelPipe, OptionSelect],
  template: `
    <h2 mat-dialog-title>{{ 'caseDetail.moveTo' | translate: { status: (data.to | rutaOption: statuses) } }}</h2>
    <form (submit)="$event.preventDefault(); confirm()" novalidate>
      <mat-dialog-content>
        @if (reasons; as list) {
          <ruta-option-select [control]="reason" [list]="list" label="caseDetail.reason" testId="transition-reason" [required]="true" />
        } @else {
          <p>{{ 'caseDetail.moveConfirm' | translate: { status: (data.to | rutaOption: statuses) } }}</p>
        }
        <p class="muted">{{ 'caseDetail.noComplaintNeeded' | translate }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" data-testid="transition-confirm">{{ 'common.continue' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class TransitionDialog {
  protected readonly data = inject<TransitionData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TransitionDialog, string>>(MatDialogRef);
  protected readonly statuses = CASE_STATUS;
  protected readonly reasons = this.data.to === 'closed' ? CLOSE_REASON : this.data.to === 'suspended' ? SUSPENSION_REASON : null;
  protected readonly reason = new FormControl('', { nonNullable: true, validators: this.reasons ? [Validators.required] : [] });

  protected confirm(): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.ref.close(this.reason.value);
  }
}
