import { Routes } from '@angular/router';

/** `/judicializacion`: proceedings, operations, alleged traffickers and the justice indicators (ids in URLs, never names). */
export const PROSECUTIONS_ROUTES: Routes = [
  { path: '', title: 'prosecutions.title', loadComponent: () => import('./prosecutions.page').then((m) => m.ProsecutionsPage) },
  { path: 'procesos/nuevo', title: 'prosecutions.newProceeding', loadComponent: () => import('./proceedings/proceeding-form.page').then((m) => m.ProceedingFormPage) },
  { path: 'procesos/:id', title: 'prosecutions.proceeding', loadComponent: () => import('./proceedings/proceeding-detail.page').then((m) => m.ProceedingDetailPage) },
  { path: 'operativos/nuevo', title: 'prosecutions.newOperation', loadComponent: () => import('./operations/operation-form.page').then((m) => m.OperationFormPage) },
  { path: 'operativos/:id', title: 'prosecutions.operation', loadComponent: () => import('./operations/operation-detail.page').then((m) => m.OperationDetailPage) },
  { path: 'perfiles/nuevo', title: 'prosecutions.newTrafficker', loadComponent: () => import('./traffickers/trafficker-form.page').then((m) => m.TraffickerFormPage) },
  { path: 'perfiles/:id', title: 'prosecutions.trafficker', loadComponent: () => import('./traffickers/trafficker.page').then((m) => m.TraffickerPage) },
  { path: 'indicadores', title: 'prosecutions.indicators.title', loadComponent: () => import('./indicators/indicators.page').then((m) => m.IndicatorsPage) },
];
