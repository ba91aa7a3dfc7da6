import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

/** `/indicadores`: the coordinator's dashboard and annual report, and the cases behind a figure. ECharts loads with it. */
export const INDICATORS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) })],
    children: [
      { path: '', title: 'indicators.title', loadComponent: () => import('./dashboard/indicators-dashboard.page').then((m) => m.IndicatorsDashboardPage) },
      { path: 'exportaciones', title: 'indicators.exports.title', loadComponent: () => import('./exports/exports.page').then((m) => m.ExportsPage) },
      { path: 'casos', title: 'indicators.title', loadComponent: () => import('./behind/indicator-cases.page').then((m) => m.IndicatorCasesPage) },
    ],
  },
];
