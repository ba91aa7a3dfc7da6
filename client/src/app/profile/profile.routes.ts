import { Routes } from '@angular/router';

export const PROFILE_ROUTES: Routes = [
  { path: '', title: 'profile.title', loadComponent: () => import('./profile.page').then((m) => m.ProfilePage) },
  {
    path: 'cambiar-clave',
    title: 'password.title',
    loadComponent: () => import('../login/new-password.page').then((m) => m.NewPasswordPage),
  },
];
