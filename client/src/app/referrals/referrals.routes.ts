import { Routes } from '@angular/router';

/** `/remisiones`: the institution's inbox and outbox, and one referral by its id (never a name in a URL). */
export const REFERRALS_ROUTES: Routes = [
  { path: '', title: 'referrals.title', loadComponent: () => import('./referrals.page').then((m) => m.ReferralsPage) },
  { path: ':id', title: 'referrals.detailTitle', loadComponent: () => import('./detail/referral-detail.page').then((m) => m.ReferralDetailPage) },
];
