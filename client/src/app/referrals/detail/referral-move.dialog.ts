import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { REFERRAL_DECLINE_REASON, ReferralMoveBody, ReferralStatus, ReferralView } from '@ruta/shared';
import { UsersApi } from '../../admin/users/users.api';
import { AuthStore } from '../../core/auth/auth.store';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { OptionSelect } from '../../cases/option-select';
import { ReferralsApi } from '../referrals.api';
import { NamedOption, RefSelect } from '../ref-select';

export interface ReferralMoveData {
  referral: ReferralView;
  to: ReferralStatus;
}

/** Closes with the moved referral, or `'stale'` when someone else moved it meanwhile. */
export type ReferralMoveResult = ReferralView | 'stale';

/**
 * One move of a referral with what it asks for: accepting names an assignee of the receiving institution, completing
 * an outcome, declining a reason from the closed list, cancelling an optional reason; other moves only confirm.
 */
@Component({
  selector: 'ruta-referral-move-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError, OptionSelect, RefSelect],
  template: `
    <h2 mat-dialog-title>{{ 'referrals.moveTitle.' + data.to | translate: { code: data.referral.caseCode } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="stack">
        @switch (data.to) {
          @case ('accepted') {
            <ruta-ref-select [control]="form.controls.assigneeId" [options]="assignees()" label="referrals.assignee" hint="referrals.assigneeHint" testId="referral-assignee" />
          }
          @case ('completed') {
            <mat-form-field>
              <mat-label>{{ 'referrals.outcome' | translate }}</mat-label>
              <textarea matInput required formControlName="outcome" rows="4" data-testid="referral-outcome"></textarea>
              <mat-hint>{{ 'referrals.outcomeHint' | translate }}</mat-hint>
              <mat-error>{{ form.controls.outcome.errors | rutaError }}</mat-error>
            </mat-form-field>
          }
          @case ('declined') {
            <ruta-option-select [control]="form.controls.reason" [list]="declineReasons" label="referrals.declineReason" testId="referral-decline-reason" [required]="true" />
          }
          @case ('cancelled') {
            <mat-form-field>
              <mat-label>{{ 'referrals.cancelReason' | translate }}</mat-label>
              <textarea matInput formControlName="reason" rows="3" data-testid="referral-cancel-reason"></textarea>
              <mat-hint>{{ 'referrals.cancelReasonHint' | translate }}</mat-hint>
              <mat-error>{{ form.controls.reason.errors | rutaError }}</mat-error>
            </mat-form-field>
          }
          @default {
            <p>{{ 'referrals.moveConfirm' | translate: { status: ('referrals.status.' + data.to | translate) } }}</p>
          }
        }
        <ruta-form-error [message]="error()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="referral-move-confirm">{{ 'referrals.move.' + data.to | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ReferralMoveDialog implements OnInit {
  protected readonly data = inject<ReferralMoveData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReferralMoveDialog, ReferralMoveResult>>(MatDialogRef);
  private readonly api = inject(ReferralsApi);
  private readonly usersApi = inject(UsersApi);
  private readonly auth = inject(AuthStore);
  protected readonly declineReasons = REFERRAL_DECLINE_REASON;
  /** Who may take it: the receiving institution's active users (only the reader without `users:read`). */
  protected readonly assignees = signal<NamedOption[]>([]);

  private readonly to = this.data.to;
  protected readonly form = inject(NonNullableFormBuilder).group({
    assigneeId: ['', this.to === 'accepted' ? [Validators.required] : []],
    outcome: ['', this.to === 'completed' ? [Validators.required, Validators.maxLength(4000)] : []],
    reason: ['', this.to === 'declined' ? [Validators.required] : [Validators.maxLength(2000)]],
  });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    if (this.to !== 'accepted') return;
    const institutionId = this.data.referral.to.id;
    const me = this.auth.me();
    if (me && me.institution.id === institutionId) this.assignees.set([{ id: me.id, name: me.name }]);
    if (!this.auth.can('users:read')) return;
    this.usersApi.list({ institutionId, limit: 100 }).subscribe({
      next: (page) => this.assignees.set(page.items.filter((u) => u.active && u.institution.id === institutionId).map((u) => ({ id: u.id, name: u.name }))),
      error: () => undefined,
    });
  }

  protected save(): void {
    this.submission.submit(() => this.api.move(this.data.referral.id, this.body()), { done: (moved) => this.ref.close(moved), stale: () => this.ref.close('stale') });
  }

  /** Only the fields this move takes: the server refuses the others (`not_applicable`). */
  private body(): ReferralMoveBody {
    const { assigneeId, outcome, reason } = this.form.getRawValue();
    const body: ReferralMoveBody = { version: this.data.referral.version, to: this.to };
    if (this.to === 'accepted') body.assigneeId = assigneeId;
    if (this.to === 'completed') body.outcome = outcome.trim();
    if (this.to === 'declined') body.reason = reason;
    if (this.to === 'cancelled' && reason.trim()) body.reason = reason.trim();
    return body;
  }
}
