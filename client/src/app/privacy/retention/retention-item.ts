import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { RETENTION_ITEM_STATUS, RETENTION_RECORD_TYPE, RetentionItemView } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { PrivacyApi } from '../privacy.api';
import { privacyProblem } from '../privacy-errors';

/** One record whose retention ran out: its code and dates; confirm (after a second click) or postpone with a reason. */
@Component({
  selector: 'ruta-retention-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, TranslatePipe, OptionLabelPipe, CalendarDatePipe, ErrorMessagePipe, FormError],
  styles: `
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
    dt { font-weight: 500; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .actions { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 16px; }
    .actions mat-form-field { min-width: 200px; flex: 1; }
  `,
  template: `
    @let i = item();
    <mat-card appearance="outlined" data-testid="retention-item" [attr.data-code]="i.code" [attr.data-status]="i.status">
      <mat-card-header>
        <mat-card-title>{{ i.code }}</mat-card-title>
        <mat-card-subtitle>{{ i.recordType | rutaOption: recordTypes }} · {{ i.institutionName }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <dl>
          <dt>{{ 'privacy.retention.endedOn' | translate }}</dt>
          <dd>{{ i.endedOn | rutaDate }}</dd>
          <dt>{{ 'privacy.retention.dueOn' | translate }}</dt>
          <dd>{{ i.dueOn | rutaDate }}</dd>
          <dt>{{ 'privacy.retention.status' | translate }}</dt>
          <dd data-testid="retention-item-status">{{ i.status | rutaOption: statuses }}</dd>
          @if (i.postponedUntil) {
            <dt>{{ 'privacy.retention.postponedUntil' | translate }}</dt>
            <dd>{{ i.postponedUntil | rutaDate }}</dd>
          }
          @if (i.reason) {
            <dt>{{ 'privacy.retention.reason' | translate }}</dt>
            <dd>{{ i.reason }}</dd>
          }
        </dl>
        @if (i.status === 'pending') {
          <div class="actions">
            @if (confirming()) {
              <p>{{ 'privacy.retention.confirmQuestion' | translate }}</p>
              <button mat-flat-button type="button" [disabled]="decision.busy()" (click)="confirm()" data-testid="retention-confirm-yes">{{ 'privacy.retention.confirmYes' | translate }}</button>
              <button mat-button type="button" (click)="confirming.set(false)">{{ 'common.cancel' | translate }}</button>
            } @else {
              <button mat-flat-button type="button" (click)="confirming.set(true)" data-testid="retention-confirm">{{ 'privacy.retention.confirm' | translate }}</button>
            }
          </div>
          <form class="actions" [formGroup]="postponement" (ngSubmit)="postpone()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'privacy.retention.reason' | translate }}</mat-label>
              <input matInput formControlName="reason" data-testid="retention-reason" />
              <mat-error>{{ postponement.controls.reason.errors | rutaError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'privacy.retention.until' | translate }}</mat-label>
              <input matInput type="date" formControlName="until" data-testid="retention-until" />
              <mat-error>{{ postponement.controls.until.errors | rutaError }}</mat-error>
            </mat-form-field>
            <button mat-stroked-button type="submit" [disabled]="postponing.busy()" data-testid="retention-postpone">{{ 'privacy.retention.postpone' | translate }}</button>
          </form>
        }
        <ruta-form-error [message]="decision.error() ?? postponing.error()" />
      </mat-card-content>
    </mat-card>
  `,
})
export class RetentionItem {
  private readonly api = inject(PrivacyApi);
  readonly item = input.required<RetentionItemView>();
  /** The item after a decision, or null when it changed meanwhile and the list must reload. */
  readonly decided = output<RetentionItemView | null>();
  protected readonly recordTypes = RETENTION_RECORD_TYPE;
  protected readonly statuses = RETENTION_ITEM_STATUS;
  protected readonly confirming = signal(false);
  protected readonly postponement = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(1000)]],
    until: ['', [Validators.required]],
  });
  protected readonly decision = new FormSubmission(new FormGroup({}));
  protected readonly postponing = new FormSubmission(this.postponement);

  protected confirm(): void {
    this.decision.submit(() => this.api.confirm(this.item()), {
      done: (item) => this.decided.emit(item),
      stale: () => this.decided.emit(null),
      rejected: () => this.decision.error.set(privacyProblem(this.decision.error())),
    });
  }

  protected postpone(): void {
    this.postponing.submit(() => this.api.postpone(this.item(), this.postponement.getRawValue()), { done: (item) => this.decided.emit(item), stale: () => this.decided.emit(null) });
  }
}
