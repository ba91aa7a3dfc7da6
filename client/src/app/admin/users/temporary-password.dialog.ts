import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { TemporaryPasswordResponse } from '@ruta/shared';

/** Shows a new or reset temporary password, once. It is never stored by the client. */
@Component({
  selector: 'ruta-temporary-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  styles: `
    .password {
      font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
      font-size: 1.4rem;
      padding: 12px;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 8px;
      user-select: all;
      word-break: break-all;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'users.tempTitle' | translate }}</h2>
    <mat-dialog-content>
      <p>{{ 'users.tempIntro' | translate: { name: data.user.name } }}</p>
      <p class="password" data-testid="temporary-password" tabindex="0">{{ data.temporaryPassword }}</p>
      <p class="muted">{{ 'users.tempCopyHint' | translate }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button mat-dialog-close type="button" data-testid="temporary-password-close">
        {{ 'common.close' | translate }}
      </button>
    </mat-dialog-actions>
  `,
})
export class TemporaryPasswordDialog {
  protected readonly data = inject<TemporaryPasswordResponse>(MAT_DIALOG_DATA);
}
