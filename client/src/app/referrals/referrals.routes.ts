import { Routes } from '@angular/router';
import { permissionGuard } from '../core/auth/auth.guards';

/**
 * `/remisiones`: the institution's inbox and outbox, the user's notifications, the coordinators' review (its chart
 * library loads with it only), and one referral by its id (never a name in a URL).
 */
export const REFERRALS_ROUTES: Routes = [
  { path: '', title: 'referrals.title', loadComponent: () => import('./referrals.page').then((m) => m.ReferralsPage) },
  { path: 'notificaciones', title: 'referrals.notifications.title', loadComponent: () => import('./notifications/notifications.page').then((m) => m.NotificationsPage) },
  {
    path: 'panel',
    title: 'referrals.review.title',
    canActivate: [permissionGuard('indicators:read')],
    loadComponent: () => import('./review/referral-review.page').then((m) => m.ReferralReviewPage),
  },
  { path: ':id', title: 'referrals.detailTitle', loadComponent: () => import('./detail/referral-detail.page').then((m) => m.ReferralDetailPage) },
];
