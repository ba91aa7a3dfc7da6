import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { DATA_CATEGORY, ERASURE_LEGAL_BASIS, ERASURE_REQUESTER, ERASURE_STATUS, ErasureRequestView, KEEP_GROUND } from '@ruta/shared';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { PrivacyApi } from '../privacy.api';
import { privacyProblem } from '../privacy-errors';

/** One erasure request: its basis and state; approve or refuse (not one's own), carry out once approved by two, the certificate. */
@Component({
  selector: 'ruta-erasure-request-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, TranslatePipe, OptionLabelPipe, OptionLabelsPipe, CalendarDatePipe, DateTimePipe, ErrorMessagePipe, FormError],
  styles: `
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
    dt { font-weight: 500; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .actions { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 16px; }
    .actions mat-form-field { min-width: 200px; flex: 1; }
    @media (max-width: 480px) { dl { grid-template-columns: 1fr; } }
  `,
  template: `
    @let r = request();
    <mat-card appearance="outlined" data-testid="erasure-request" [attr.data-code]="r.caseCode" [attr.data-status]="r.status">
      <mat-card-header>
        <mat-card-title>{{ r.caseCode }}</mat-card-title>
        <mat-card-subtitle>{{ 'privacy.erasure.recordedBy' | translate: { name: r.recordedByName } }} · {{ r.createdAt | rutaDateTime }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <dl>
          <dt>{{ 'privacy.erasure.status' | translate }}</dt>
          <dd data-testid="erasure-status"><strong>{{ r.status | rutaOption: statuses }}</strong></dd>
          <dt>{{ 'privacy.erasure.legalBasis' | translate }}</dt>
          <dd>{{ r.legalBasis | rutaOption: bases }}</dd>
          <dt>{{ 'privacy.erasure.requester' | translate }}</dt>
          <dd>{{ r.requester | rutaOption: requesters }}</dd>
          <dt>{{ 'privacy.erasure.receivedOn' | translate }}</dt>
          <dd>{{ r.receivedOn | rutaDate }}</dd>
          <dt>{{ 'privacy.erasure.reason' | translate }}</dt>
          <dd>{{ r.reason }}</dd>
          <dt>{{ 'privacy.erasure.approvals' | translate }}</dt>
          <dd data-testid="erasure-approvals">
            @for (a of r.approvals; track a.approvedAt) { <div>{{ a.approverName }} · {{ a.approvedAt | rutaDateTime }}</div> } @empty { {{ 'privacy.erasure.noApprovals' | translate }} }
          </dd>
          @if (r.refusalReason) {
            <dt>{{ 'privacy.erasure.refusalReason' | translate }}</dt>
            <dd>{{ r.refusalReason }}</dd>
          }
          @if (r.status === 'carried_out') {
            <dt>{{ 'privacy.erasure.erased' | translate }}</dt>
            <dd data-testid="erasure-erased">{{ r.erased | rutaOptions: categories }}</dd>
            <dt>{{ 'privacy.erasure.kept' | translate }}</dt>
            <dd data-testid="erasure-kept">
              @for (k of r.kept; track k.category) { <div>{{ k.category | rutaOption: categories }}: {{ k.ground | rutaOption: grounds }}</div> } @empty { {{ 'privacy.erasure.nothingKept' | translate }} }
            </dd>
          }
        </dl>
        <div class="actions">
          @if (canDecide()) {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="approve()" data-testid="erasure-approve">{{ 'privacy.erasure.approve' | translate }}</button>
          } @else if (r.status === 'pending') {
            <p class="muted" data-testid="erasure-waiting">{{ (r.recordedByMe ? 'privacy.erasure.notYours' : 'privacy.erasure.alreadyApproved') | translate }}</p>
          }
          @if (r.status === 'approved') {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="carryOut()" data-testid="erasure-carry-out">{{ 'privacy.erasure.carryOut' | translate }}</button>
          }
          @if (r.status === 'carried_out') {
            <a mat-stroked-button [href]="certificateUrl()" download data-testid="erasure-certificate">{{ 'privacy.erasure.certificate' | translate }}</a>
          }
        </div>
        @if (canDecide() || (r.status === 'approved' && !r.recordedByMe)) {
          <form class="actions" [formGroup]="refusal" (ngSubmit)="refuse()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'privacy.erasure.refusalReason' | translate }}</mat-label>
              <input matInput formControlName="reason" data-testid="erasure-refusal-reason" />
              <mat-error>{{ refusal.controls.reason.errors | rutaError }}</mat-error>
            </mat-form-field>
            <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="erasure-refuse">{{ 'privacy.erasure.refuse' | translate }}</button>
          </form>
        }
        <ruta-form-error [message]="decision.error() ?? refusing.error()" />
      </mat-card-content>
    </mat-card>
  `,
})
export class ErasureRequestCard {
  private readonly api = inject(PrivacyApi);
  private readonly language = inject(LanguageService);
  readonly request = input.required<ErasureRequestView>();
  /** The request after a decision, or null when it changed meanwhile and the list must reload. */
  readonly changed = output<ErasureRequestView | null>();
  protected readonly statuses = ERASURE_STATUS;
  protected readonly bases = ERASURE_LEGAL_BASIS;
  protected readonly requesters = ERASURE_REQUESTER;
  protected readonly categories = DATA_CATEGORY;
  protected readonly grounds = KEEP_GROUND;
  protected readonly canDecide = computed(() => this.request().status === 'pending' && !this.request().recordedByMe && !this.request().approvedByMe);
  protected readonly certificateUrl = computed(() => this.api.certificateUrl(this.request(), this.language.current()));
  protected readonly refusal = inject(NonNullableFormBuilder).group({ reason: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(1000)]] });
  protected readonly decision = new FormSubmission(new FormGroup({}));
  protected readonly refusing = new FormSubmission(this.refusal);
  protected readonly busy = computed(() => this.decision.busy() || this.refusing.busy());

  protected approve(): void {
    this.decide(() => this.api.approve(this.request()));
  }

  protected carryOut(): void {
    this.decide(() => this.api.carryOut(this.request()));
  }

  protected refuse(): void {
    this.refusing.submit(() => this.api.refuse(this.request(), this.refusal.getRawValue().reason), { done: (r) => this.changed.emit(r), stale: () => this.changed.emit(null) });
  }

  private decide(request: () => ReturnType<PrivacyApi['approve']>): void {
    this.decision.submit(request, {
      done: (r) => {
        this.decision.busy.set(false);
        this.changed.emit(r);
      },
      stale: () => this.changed.emit(null),
      rejected: () => this.decision.error.set(privacyProblem(this.decision.error())),
    });
  }
}
