import { Routes } from '@angular/router';

export const STATUS_ROUTES: Routes = [
  { path: '', title: 'status.title', loadComponent: () => import('./status.page').then((m) => m.StatusPage) },
];
