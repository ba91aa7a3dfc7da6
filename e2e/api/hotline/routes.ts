import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The hotline area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const HOTLINE_ROUTES: RouteTable = {
  'POST /api/hotline/contacts': P.hotlineManage,
  'GET /api/hotline/contacts': P.hotlineRead,
  'GET /api/hotline/crisis': P.hotlineRead,
  'GET /api/hotline/contacts/:id': P.hotlineRead,
  'POST /api/hotline/contacts/:id/take': P.hotlineManage,
  'POST /api/hotline/contacts/:id/transitions': P.hotlineManage,
  'POST /api/hotline/contacts/:id/outcome': P.hotlineManage,
  'GET /api/hotline/contacts/:id/case-prefill': P.hotlineManage,
  'POST /api/hotline/imports': P.hotlineManage,
  'GET /api/hotline/imports/:id': P.hotlineManage,
  'GET /api/hotline/stats': P.hotlineRead,
  'GET /api/cases/:code/hotline-contacts': P.casesRead,
};
