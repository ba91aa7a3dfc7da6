import { Routes } from '@angular/router';
import { permissionGuard } from '../core/auth/auth.guards';

export const HOME_ROUTES: Routes = [
  { path: '', title: 'nav.home', loadComponent: () => import('./home.page').then((m) => m.HomePage) },
  {
    // The cases behind a figure of a role dashboard (the investigator's cases identified in the period).
    path: 'casos',
    title: 'cases.title',
    canActivate: [permissionGuard('cases:read')],
    data: { back: { path: '/inicio', label: 'home.dashboards.back' } },
    loadComponent: () => import('../indicators/behind/indicator-cases.page').then((m) => m.IndicatorCasesPage),
  },
];
