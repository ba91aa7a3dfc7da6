import { Routes } from '@angular/router';
import { anonymousGuard, stageGuard } from '../core/auth/auth.guards';

export const LOGIN_ROUTES: Routes = [
  {
    path: '',
    title: 'login.title',
    canActivate: [anonymousGuard],
    loadComponent: () => import('./login.page').then((m) => m.LoginPage),
  },
  {
    path: 'verificacion',
    title: 'totp.title',
    canActivate: [stageGuard('totp')],
    loadComponent: () => import('./totp.page').then((m) => m.TotpPage),
  },
  {
    path: 'activar-verificacion',
    title: 'enrol.title',
    canActivate: [stageGuard('enrol_totp')],
    loadComponent: () => import('./enrol-totp.page').then((m) => m.EnrolTotpPage),
  },
  {
    path: 'nueva-clave',
    title: 'password.title',
    data: { forced: true },
    canActivate: [stageGuard('change_password')],
    loadComponent: () => import('./new-password.page').then((m) => m.NewPasswordPage),
  },
];
