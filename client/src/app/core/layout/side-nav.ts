import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore } from '../auth/auth.store';
import { ReferralBadgeStore } from '../../referrals/referral-badge.store';
import { filter, map } from 'rxjs';
import { activeNavKey, NAV_ITEMS } from './nav-items';

/** The main navigation: only the entries the user's permissions allow. */
@Component({
  selector: 'ruta-side-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatListModule, MatIconModule, RouterLink, TranslatePipe],
  styles: [
    '.nav-badges { display: inline-flex; gap: 4px; }',
    '.nav-badge { min-width: 20px; padding: 0 6px; border-radius: 10px; text-align: center; font: var(--mat-sys-label-medium); background: var(--mat-sys-primary); color: var(--mat-sys-on-primary); }',
    '.nav-badge.overdue { background: var(--mat-sys-error); color: var(--mat-sys-on-error); }',
  ],
  template: `
    <nav [attr.aria-label]="'nav.label' | translate">
      <mat-nav-list>
        @for (item of items(); track item.key) {
          <a
            mat-list-item
            [routerLink]="item.path"
            [activated]="item.key === active()"
            [attr.aria-current]="item.key === active() ? 'page' : null"
            [attr.data-testid]="'nav-' + item.key"
            (click)="navigated.emit()"
          >
            <mat-icon matListItemIcon [svgIcon]="item.icon" />
            <span matListItemTitle>{{ 'nav.' + item.key | translate }}</span>
            @if (item.key === 'referrals' && (referralBadge.newCount() || referralBadge.overdueCount())) {
              <span matListItemMeta class="nav-badges" data-testid="nav-referrals-badge">
                @if (referralBadge.newCount(); as n) {
                  <span class="nav-badge"><span aria-hidden="true">{{ n }}</span><span class="cdk-visually-hidden">{{ 'referrals.badgeNew' | translate: { count: n } }}</span></span>
                }
                @if (referralBadge.overdueCount(); as n) {
                  <span class="nav-badge overdue"><span aria-hidden="true">{{ n }}</span><span class="cdk-visually-hidden">{{ 'referrals.badgeOverdue' | translate: { count: n } }}</span></span>
                }
              </span>
            }
          </a>
        }
      </mat-nav-list>
    </nav>
  `,
})
export class SideNav {
  private readonly auth = inject(AuthStore);
  readonly navigated = output<void>();
  /** New and overdue referrals, beside their entry. */
  protected readonly referralBadge = inject(ReferralBadgeStore);

  protected readonly items = computed(() =>
    NAV_ITEMS.filter((item) => !item.permissions || this.auth.can(item.permissions)),
  );

  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  /** One highlighted entry: the one the current page belongs to. */
  protected readonly active = computed(() => activeNavKey(this.url(), this.items()));
}
