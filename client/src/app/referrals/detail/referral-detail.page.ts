import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { ReferralStatus, ReferralView, SharedCaseView } from '@ruta/shared';
import { AuthStore } from '../core/auth/auth.store';
import { FormError } from '../core/http/form-error';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { ReferralsApi } from './referrals.api';

/** One referral: its status and history, the shared case sections (receiving side), and the moves open to the user. */
@Component({
  selector: 'ruta-referral-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe, FormError],
  template: `
    <section class="page">
      <ruta-form-error [message]="error()" />
      @if (referral(); as r) {
        <div class="page-header"><h1 tabindex="-1">{{ 'referrals.detailTitle' | translate }} {{ r.caseCode }}</h1></div>
        <p data-testid="referral-status">{{ 'referrals.status.' + r.status | translate }}</p>
        <p>{{ r.from.name }} → {{ r.to.name }} · {{ 'referrals.urgency.' + r.urgency | translate }}</p>
        <div class="actions">
          @for (move of r.moves; track move) {
            <button mat-stroked-button type="button" [attr.data-testid]="'referral-move-' + move" (click)="apply(r, move)">{{ 'referrals.move.' + move | translate }}</button>
          }
        </div>
        @if (shared(); as s) {
          <h2>{{ 'referrals.sharedTitle' | translate }}</h2>
          <p data-testid="shared-sections">{{ s.sections.join(', ') }}</p>
          @if (s.identity; as v) {
            <p data-testid="shared-identity">{{ v.givenNames }} {{ v.familyNames }}</p>
          } @else {
            <p class="muted" data-testid="shared-no-identity">{{ 'referrals.identityNotShared' | translate }}</p>
          }
        }
      }
    </section>
  `,
})
export class ReferralDetailPage implements OnInit {
  private readonly api = inject(ReferralsApi);
  private readonly auth = inject(AuthStore);
  readonly id = input.required<string>();
  protected readonly referral = signal<ReferralView | null>(null);
  protected readonly shared = signal<SharedCaseView | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.api.get(this.id()).subscribe({ next: (r) => this.loaded(r), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }

  private loaded(r: ReferralView): void {
    this.referral.set(r);
    if (r.side === 'receiver' && ['received', 'accepted', 'in_progress'].includes(r.status) && !r.accessEnded) {
      this.api.sharedCase(r.id).subscribe({ next: (s) => this.shared.set(s), error: () => this.shared.set(null) });
    } else this.shared.set(null);
  }

  protected apply(r: ReferralView, to: ReferralStatus): void {
    const extra =
      to === 'accepted' ? { assigneeId: this.auth.me()?.id } : to === 'completed' ? { outcome: 'Atención prestada' } : to === 'declined' || to === 'cancelled' ? { reason: '—' } : {};
    this.api.move(r.id, { version: r.version, to, ...extra }).subscribe({ next: (next) => this.loaded(next), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }
}
