import { Routes } from '@angular/router';

/** `/proteccion-datos`: the retention queue (and its periods) and the erasure requests (Law 1581 habeas data). */
export const PRIVACY_ROUTES: Routes = [
  { path: '', title: 'privacy.retention.title', loadComponent: () => import('./retention/retention-queue.page').then((m) => m.RetentionQueuePage) },
  { path: 'supresion', title: 'privacy.erasure.title', loadComponent: () => import('./erasure/erasure-requests.page').then((m) => m.ErasureRequestsPage) },
];
