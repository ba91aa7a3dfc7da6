import { Routes } from '@angular/router';
import { permissionGuard } from '../core/auth/auth.guards';

export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'usuarios' },
  {
    path: 'usuarios',
    title: 'users.title',
    canActivate: [permissionGuard('users:manage')],
    loadComponent: () => import('./users/users.page').then((m) => m.UsersPage),
  },
  {
    path: 'instituciones',
    title: 'institutions.title',
    canActivate: [permissionGuard('institutions:manage')],
    loadComponent: () => import('./institutions/institutions.page').then((m) => m.InstitutionsPage),
  },
  {
    path: 'roles',
    title: 'roles.title',
    canActivate: [permissionGuard('roles:manage')],
    loadComponent: () => import('./roles/roles.page').then((m) => m.RolesPage),
  },
  {
    path: 'solicitudes',
    title: 'accessRequests.title',
    canActivate: [permissionGuard('users:manage')],
    loadComponent: () => import('./access-requests/access-requests.page').then((m) => m.AccessRequestsPage),
  },
];
