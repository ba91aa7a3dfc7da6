import { Routes } from '@angular/router';
import { permissionGuard } from '../core/auth/auth.guards';

/** `/casos`: list, intake wizard, incoming link requests, and a case by its pseudonymous code (never a name in a URL). */
export const CASES_ROUTES: Routes = [
  { path: '', title: 'cases.title', loadComponent: () => import('./list/case-list.page').then((m) => m.CaseListPage) },
  {
    path: 'nuevo',
    title: 'intake.title',
    canActivate: [permissionGuard('cases:create')],
    loadComponent: () => import('./intake/intake.page').then((m) => m.IntakePage),
  },
  {
    path: 'vinculaciones',
    title: 'links.inboxTitle',
    canActivate: [permissionGuard('cases:update')],
    loadComponent: () => import('./link-requests/link-requests.page').then((m) => m.LinkRequestsPage),
  },
  { path: ':code', title: 'caseDetail.title', loadComponent: () => import('./detail/case-detail.page').then((m) => m.CaseDetailPage) },
];
