import { Routes } from '@angular/router';
import { permissionGuard } from '../core/auth/auth.guards';

/** `/asistencia`: "my day", the lists behind its cards, and the supervisors' approval inbox. */
export const ASSISTANCE_ROUTES: Routes = [
  { path: '', title: 'assistance.myDay.title', loadComponent: () => import('./my-day/my-day.page').then((m) => m.MyDayPage) },
  { path: 'lista/:kind', title: 'assistance.myDay.title', loadComponent: () => import('./my-day/worklist.page').then((m) => m.WorklistPage) },
  {
    path: 'cierres',
    title: 'assistance.closures.title',
    canActivate: [permissionGuard('assistance:approve')],
    loadComponent: () => import('./closures/closures.page').then((m) => m.ClosuresPage),
  },
];
