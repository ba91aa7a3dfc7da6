import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';

export interface ConfirmData {
  /** Translation key and parameters of the question. */
  message: string;
  params?: Record<string, unknown>;
  confirmLabel: string;
}

/** A yes/no question; closes with `true` when confirmed. */
@Component({
  selector: 'ruta-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  template: `
    <mat-dialog-content>
      <p>{{ data.message | translate: data.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="confirm-yes">
        {{ data.confirmLabel | translate }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
}
