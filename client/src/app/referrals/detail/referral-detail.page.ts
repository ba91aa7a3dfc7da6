import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { REFERRAL_DECLINE_REASON, REFERRAL_OVERRIDE_GROUND, REFERRAL_PURPOSE, REFERRAL_SECTION, ReferralStatus, ReferralView, SharedCaseView } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { ReferralBadgeStore } from '../referral-badge.store';
import { ReferralsApi } from '../referrals.api';
import { DisclosureDownload } from './disclosure-download';
import { ReferralMoveData, ReferralMoveDialog, ReferralMoveResult } from './referral-move.dialog';

/** One referral: its status and history, the shared case sections (receiving side), and the moves open to the user. */
@Component({
  selector: 'ruta-referral-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, TranslatePipe, FormError, OptionLabelPipe, OptionLabelsPipe, DisclosureDownload],
  template: `
    <section class="page">
      <ruta-form-error [message]="error()" />
      @if (referral(); as r) {
        <div class="page-header"><h1 tabindex="-1">{{ 'referrals.detailTitle' | translate }} {{ r.caseCode }}</h1></div>
        <dl class="facts">
          <dt>{{ 'referrals.statusLabel' | translate }}</dt>
          <dd data-testid="referral-status">{{ 'referrals.status.' + r.status | translate }} @if (r.overdue) { · <strong>{{ 'referrals.overdue' | translate }}</strong> }</dd>
          <dt>{{ 'referrals.route' | translate }}</dt>
          <dd>{{ r.from.name }} → {{ r.to.name }}</dd>
          <dt>{{ 'referrals.purpose' | translate }}</dt>
          <dd>{{ r.purpose | rutaOption: purposes }} · {{ 'referrals.urgency.' + r.urgency | translate }}</dd>
          @if (r.deadlineAt) {
            <dt>{{ 'referrals.deadline' | translate }}</dt>
            <dd>{{ r.deadlineAt | date: 'medium' : undefined : locales[language.current()] }}</dd>
          }
          <dt>{{ 'referrals.sections' | translate }}</dt>
          <dd data-testid="referral-sections">{{ r.sections | rutaOptions: sections }}</dd>
          <dt>{{ 'referrals.basis' | translate }}</dt>
          <dd>
            @if (r.override) { {{ r.override | rutaOption: grounds }} } @else if (r.consent) { {{ 'referrals.consentOf' | translate: { date: (r.consent.grantedAt | date: 'mediumDate' : undefined : locales[language.current()]) } }} } @else { {{ 'referrals.summaryOnly' | translate }} }
          </dd>
          @if (r.message) { <dt>{{ 'referrals.message' | translate }}</dt><dd>{{ r.message }}</dd> }
          @if (r.assignee) { <dt>{{ 'referrals.assignee' | translate }}</dt><dd data-testid="referral-assignee-name">{{ r.assignee.name }}</dd> }
          @if (r.outcome) { <dt>{{ 'referrals.outcome' | translate }}</dt><dd data-testid="referral-outcome-text">{{ r.outcome }}</dd> }
          @if (r.declineReason) { <dt>{{ 'referrals.declineReason' | translate }}</dt><dd>{{ r.declineReason | rutaOption: declineReasons }}</dd> }
          @if (r.cancelReason) { <dt>{{ 'referrals.cancelReason' | translate }}</dt><dd>{{ r.cancelReason }}</dd> }
          @if (r.accessEnded) { <dt>{{ 'referrals.accessEnded' | translate }}</dt><dd>{{ 'referrals.accessEndedReason.' + r.accessEnded | translate }}</dd> }
        </dl>
        <div class="actions">
          @for (move of r.moves; track move) {
            <button mat-stroked-button type="button" [attr.data-testid]="'referral-move-' + move" (click)="open(r, move)">{{ 'referrals.move.' + move | translate }}</button>
          }
        </div>
        @if (shared(); as s) {
          <h2>{{ 'referrals.sharedTitle' | translate }}</h2>
          <p data-testid="shared-sections">{{ s.sections | rutaOptions: sections }}</p>
          @if (s.identity; as v) {
            <p data-testid="shared-identity">{{ v.givenNames }} {{ v.familyNames }}</p>
          } @else {
            <p class="muted" data-testid="shared-no-identity">{{ 'referrals.identityNotShared' | translate }}</p>
          }
        }
        @if (r.side === 'sender') {
          <ruta-disclosure-download [caseCode]="r.caseCode" />
        }
        <h2>{{ 'referrals.history' | translate }}</h2>
        <ol class="stack" data-testid="referral-history">
          @for (e of r.history; track $index) {
            <li>
              {{ e.at | date: 'short' : undefined : locales[language.current()] }} ·
              @if (e.to) { {{ 'referrals.status.' + e.to | translate }} } @else { {{ 'referrals.event.' + e.kind | translate }} }
              @if (e.actor) { · {{ e.actor.name }} }
            </li>
          }
        </ol>
      }
    </section>
  `,
})
export class ReferralDetailPage implements OnInit {
  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly badge = inject(ReferralBadgeStore);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly purposes = REFERRAL_PURPOSE;
  protected readonly sections = REFERRAL_SECTION;
  protected readonly grounds = REFERRAL_OVERRIDE_GROUND;
  protected readonly declineReasons = REFERRAL_DECLINE_REASON;
  readonly id = input.required<string>();
  protected readonly referral = signal<ReferralView | null>(null);
  protected readonly shared = signal<SharedCaseView | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.reload();
  }

  private reload(): void {
    this.api.get(this.id()).subscribe({ next: (r) => this.loaded(r), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }

  private loaded(r: ReferralView): void {
    this.referral.set(r);
    // Opening marks it received and a move may end an overdue one: the navigation's counts change.
    this.badge.refresh();
    if (r.side === 'receiver' && ['received', 'accepted', 'in_progress'].includes(r.status) && !r.accessEnded) {
      this.api.sharedCase(r.id).subscribe({ next: (s) => this.shared.set(s), error: () => this.shared.set(null) });
    } else this.shared.set(null);
  }

  protected open(referral: ReferralView, to: ReferralStatus): void {
    this.dialog
      .open<ReferralMoveDialog, ReferralMoveData, ReferralMoveResult>(ReferralMoveDialog, { data: { referral, to }, width: '520px' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (result === 'stale') {
          this.notifier.info('errors.stale_version');
          this.reload();
          return;
        }
        this.notifier.info('referrals.moved');
        this.loaded(result);
      });
  }
}
