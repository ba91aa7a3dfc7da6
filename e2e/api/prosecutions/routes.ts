import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The prosecutions area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const PROSECUTIONS_ROUTES: RouteTable = {
  'POST /api/operations': P.operationsManage,
  'GET /api/operations': P.operationsRead,
  'GET /api/operations/:id': P.operationsRead,
  'POST /api/operations/:id/traffickers': P.operationsManage,
  'DELETE /api/operations/:id/traffickers/:traffickerId': P.operationsManage,
  'POST /api/traffickers': P.operationsManage,
  'GET /api/traffickers': P.proceedingsRead,
  'GET /api/traffickers/:id': P.proceedingsRead,
  'DELETE /api/traffickers/:id/cases/:code': P.operationsManage,
  'POST /api/proceedings': P.proceedingsManage,
  'GET /api/proceedings': P.proceedingsRead,
  'GET /api/proceedings/:id': P.proceedingsRead,
  'POST /api/proceedings/:id/defendants': P.proceedingsManage,
  'POST /api/proceedings/:id/defendants/:defendantId/transitions': P.proceedingsManage,
  'POST /api/proceedings/:id/hearings': P.proceedingsManage,
  'POST /api/proceedings/:id/appeals': P.proceedingsManage,
  'PATCH /api/proceedings/:id/appeals/:appealId': P.proceedingsManage,
  'GET /api/cases/:code/proceedings': P.proceedingsRead,
  'GET /api/cases/:code/proceedings-summary': P.casesRead,
  'GET /api/prosecution-indicators': P.proceedingsRead,
  'GET /api/link-graph': P.proceedingsRead,
};
