import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The assistance area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const ASSISTANCE_ROUTES: RouteTable = {
  'GET /api/cases/:code/assistance': P.assistanceRead,
  'PUT /api/cases/:code/assistance/plan': P.assistanceManage,
  'POST /api/cases/:code/assistance/participants': P.assistanceManage,
  'POST /api/cases/:code/assistance/services': P.assistanceManage,
  'POST /api/cases/:code/assistance/risk-assessments': P.assistanceManage,
  'POST /api/cases/:code/assistance/follow-ups': P.assistanceManage,
  'POST /api/cases/:code/assistance/extensions': P.assistanceManage,
  'POST /api/cases/:code/assistance/closure': P.assistanceManage,
  'PATCH /api/assistance/services/:id': P.assistanceManage,
  'GET /api/assistance/closures': P.assistanceApprove,
  'POST /api/assistance/closures/:id/decision': P.assistanceApprove,
  'GET /api/assistance/my-day': P.assistanceRead,
  'GET /api/assistance/worklist': P.assistanceRead,
  'GET /api/assistance/alerts': P.assistanceRead,
  'POST /api/assistance/alerts/:id/read': P.assistanceRead,
  'GET /api/assistance/providers': P.assistanceRead,
  'GET /api/assistance/providers/all': P.institutionsManage,
  'POST /api/assistance/providers': P.institutionsManage,
  'PUT /api/assistance/providers/:id': P.institutionsManage,
  'GET /api/assistance/counts': P.indicatorsRead,
};
