import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { permissionGuard } from '../core/auth/auth.guards';

/** `/linea`: the hotline's dashboard, the one-screen call intake, the import of call logs, and a contact by its id. */
export const HOTLINE_ROUTES: Routes = [
  {
    path: '',
    title: 'hotline.title',
    providers: [provideEchartsCore({ echarts: () => import('./dashboard/echarts-setup').then((m) => m.echarts) })],
    loadComponent: () => import('./dashboard/hotline-dashboard.page').then((m) => m.HotlineDashboardPage),
  },
  { path: 'nueva', title: 'hotline.intake.title', canActivate: [permissionGuard('hotline:manage')], loadComponent: () => import('./intake/hotline-intake.page').then((m) => m.HotlineIntakePage) },
  { path: 'importar', title: 'hotline.import.title', canActivate: [permissionGuard('hotline:manage')], loadComponent: () => import('./import/hotline-import.page').then((m) => m.HotlineImportPage) },
  { path: ':id', title: 'hotline.detail.title', loadComponent: () => import('./detail/contact-detail.page').then((m) => m.ContactDetailPage) },
];
