import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, CaseStatus, CaseTransitionRequest, CloseReason, SuspensionReason } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { Notifier } from '../../core/http/notifier';
import { CasesApi } from '../cases.api';
import { OptionLabelPipe } from '../option-label.pipe';
import { CaseDetailStore } from './case-detail.store';
import { staleConflictOf } from './stale-version';
import { TransitionData, TransitionDialog } from './transition.dialog';

/** One button per status the state machine allows from here (as the API lists them). */
@Component({
  selector: 'ruta-status-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe, CanDirective, OptionLabelPipe],
  template: `
    @if (store.detail(); as c) {
      <div class="actions" *rutaCan="'cases:transition'" role="group" [attr.aria-label]="'caseDetail.statusActions' | translate">
        @for (to of c.allowedTransitions; track to) {
          <button mat-stroked-button type="button" (click)="move(to)" [attr.data-testid]="'transition-' + to">
            <mat-icon svgIcon="arrow_forward" />{{ to | rutaOption: statuses }}
          </button>
        }
      </div>
    }
  `,
})
export class StatusActions {
  private readonly api = inject(CasesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly store = inject(CaseDetailStore);
  protected readonly statuses = CASE_STATUS;

  protected move(to: CaseStatus): void {
    this.dialog
      .open<TransitionDialog, TransitionData, string>(TransitionDialog, { data: { to }, width: '480px' })
      .afterClosed()
      .subscribe((reason) => {
        const detail = this.store.detail();
        if (reason === undefined || !detail) return;
        const request: CaseTransitionRequest = { version: detail.version, to };
        if (to === 'closed') request.closeReason = reason as CloseReason;
        if (to === 'suspended') request.suspensionReason = reason as SuspensionReason;
        this.api.transition(detail.code, request).subscribe({
          next: (view) => {
            this.store.set(view);
            this.notifier.info('caseDetail.moved');
          },
          error: (error: unknown) => {
            if (staleConflictOf(error)) {
              this.notifier.info('errors.stale_version');
              this.store.reload().subscribe();
            } else {
              this.notifier.problem(error);
            }
          },
        });
      });
  }
}
