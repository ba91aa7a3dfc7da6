import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The indicators area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const INDICATORS_ROUTES: RouteTable = {
  'GET /api/indicators': P.indicatorsRead,
  'GET /api/indicators/annual-report': P.indicatorsRead,
  'GET /api/indicators/anonymous-statistics': P.indicatorsRead,
  'POST /api/indicators/exports': P.casesRead,
  'GET /api/indicators/exports': P.casesRead,
  'GET /api/indicators/exports/:id': P.casesRead,
  'GET /api/indicators/exports/:id/file': P.casesRead,
  'GET /api/indicators/dashboards/coordinator': P.indicatorsRead,
  'GET /api/indicators/dashboards/caseworker': P.assistanceManage,
  'GET /api/indicators/dashboards/investigator': P.operationsManage,
  'GET /api/indicators/dashboards/prosecutor': P.proceedingsManage,
  'GET /api/indicators/dashboards/hotline': P.hotlineRead,
  'GET /api/indicators/case-summary/:code': P.casesRead,
};
