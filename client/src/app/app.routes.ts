import { Routes } from '@angular/router';
import { authGuard, permissionGuard } from './core/auth/auth.guards';

/** Paths are Spanish and stable (browser tests and bookmarks use them); they carry ids only, never personal data. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'inicio' },
  { path: 'estado', loadChildren: () => import('./status/status.routes').then((m) => m.STATUS_ROUTES) },
  { path: 'ingresar', loadChildren: () => import('./login/login.routes').then((m) => m.LOGIN_ROUTES) },
  {
    path: 'inicio',
    canActivate: [authGuard],
    loadChildren: () => import('./home/home.routes').then((m) => m.HOME_ROUTES),
  },
  {
    path: 'perfil',
    canActivate: [authGuard],
    loadChildren: () => import('./profile/profile.routes').then((m) => m.PROFILE_ROUTES),
  },
  {
    // The referrals area's administrator screen (an administrator does not read referrals: outside /remisiones).
    path: 'admin/plazos-remisiones',
    title: 'referrals.deadlines.title',
    canActivate: [permissionGuard('institutions:manage')],
    loadComponent: () => import('./referrals/settings/referral-deadlines.page').then((m) => m.ReferralDeadlinesPage),
  },
  {
    // The assistance area's administrator screen: the service directory (an administrator reads no case).
    path: 'admin/directorio-servicios',
    title: 'assistance.directory.title',
    canActivate: [permissionGuard('institutions:manage')],
    loadComponent: () => import('./assistance/directory/directory.page').then((m) => m.DirectoryPage),
  },
  {
    path: 'admin',
    canActivate: [authGuard],
    loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
  },
  {
    path: 'casos',
    canActivate: [permissionGuard('cases:read')],
    loadChildren: () => import('./cases/cases.routes').then((m) => m.CASES_ROUTES),
  },
  {
    path: 'remisiones',
    canActivate: [permissionGuard('referrals:read')],
    loadChildren: () => import('./referrals/referrals.routes').then((m) => m.REFERRALS_ROUTES),
  },
  {
    path: 'asistencia',
    canActivate: [permissionGuard('assistance:read')],
    loadChildren: () => import('./assistance/assistance.routes').then((m) => m.ASSISTANCE_ROUTES),
  },
  {
    path: 'judicializacion',
    canActivate: [permissionGuard('proceedings:read')],
    loadChildren: () => import('./prosecutions/prosecutions.routes').then((m) => m.PROSECUTIONS_ROUTES),
  },
  {
    path: 'linea',
    canActivate: [permissionGuard('hotline:read')],
    loadChildren: () => import('./hotline/hotline.routes').then((m) => m.HOTLINE_ROUTES),
  },
  {
    path: 'indicadores',
    canActivate: [permissionGuard('indicators:read')],
    loadChildren: () => import('./indicators/indicators.routes').then((m) => m.INDICATORS_ROUTES),
  },
  {
    path: 'proteccion-datos',
    canActivate: [permissionGuard('privacy:review')],
    loadChildren: () => import('./privacy/privacy.routes').then((m) => m.PRIVACY_ROUTES),
  },
  {
    path: 'auditoria',
    canActivate: [permissionGuard('audit:read')],
    loadChildren: () => import('./audit/audit.routes').then((m) => m.AUDIT_ROUTES),
  },
  {
    path: 'sin-acceso',
    title: 'forbidden.title',
    data: { kind: 'forbidden' },
    loadComponent: () => import('./errors/error.page').then((m) => m.ErrorPage),
  },
  {
    path: '**',
    title: 'notFound.title',
    data: { kind: 'notFound' },
    loadComponent: () => import('./errors/error.page').then((m) => m.ErrorPage),
  },
];
