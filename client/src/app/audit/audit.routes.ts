import { Routes } from '@angular/router';

export const AUDIT_ROUTES: Routes = [
  { path: '', title: 'audit.title', loadComponent: () => import('./audit.page').then((m) => m.AuditPage) },
];
