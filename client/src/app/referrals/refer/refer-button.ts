import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ReferralView } from '@ruta/shared';
import { Notifier } from '../../core/http/notifier';
import { ReferData, ReferDialog } from './refer.dialog';

/** "Refer" on the case detail: opens the refer dialog, then goes to the referral sent. */
@Component({
  selector: 'ruta-refer-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `<button mat-stroked-button type="button" (click)="open()" data-testid="case-refer"><mat-icon svgIcon="arrow_forward" />{{ 'referrals.refer.action' | translate }}</button>`,
})
export class ReferButton {
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  readonly caseCode = input.required<string>();
  readonly ownerInstitutionId = input.required<string>();

  protected open(): void {
    this.dialog
      .open<ReferDialog, ReferData, ReferralView>(ReferDialog, { data: { caseCode: this.caseCode(), ownerInstitutionId: this.ownerInstitutionId() }, width: '640px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((sent) => {
        if (!sent) return;
        this.notifier.info('referrals.refer.sent', { to: sent.to.name });
        void this.router.navigate(['/remisiones', sent.id]);
      });
  }
}
