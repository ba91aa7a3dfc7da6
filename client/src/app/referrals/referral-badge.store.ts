import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { ReferralBadge } from '@ruta/shared';
import { catchError, interval, merge, of, startWith, Subject, switchMap } from 'rxjs';
import { AuthStore } from '../core/auth/auth.store';
import { ReferralsApi } from './referrals.api';

/** How often the navigation asks for new and overdue referrals. */
export const REFERRAL_BADGE_REFRESH_MS = 60_000;

/**
 * The navigation badge: the institution's inbox referrals not opened yet and those overdue. Asked when a user with
 * `referrals:read` signs in, every minute after, and whenever a referral screen changes something (`refresh()`).
 */
@Injectable({ providedIn: 'root' })
export class ReferralBadgeStore {
  private readonly api = inject(ReferralsApi);
  private readonly auth = inject(AuthStore);
  private readonly asked = new Subject<void>();
  readonly badge = signal<ReferralBadge | null>(null);
  readonly newCount = computed(() => this.badge()?.newCount ?? 0);
  readonly overdueCount = computed(() => this.badge()?.overdueCount ?? 0);

  constructor() {
    effect((onCleanup) => {
      if (!this.auth.me() || !this.auth.can('referrals:read')) {
        this.badge.set(null);
        return;
      }
      const subscription = merge(interval(REFERRAL_BADGE_REFRESH_MS), this.asked)
        .pipe(
          startWith(0),
          switchMap(() => this.api.badge().pipe(catchError(() => of(null)))),
        )
        .subscribe((badge) => this.badge.set(badge));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  refresh(): void {
    this.asked.next();
  }
}
