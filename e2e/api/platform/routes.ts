import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The platform area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const PLATFORM_ROUTES: RouteTable = {
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/audit/events': P.auditRead,
  'GET /api/audit/head': P.auditRead,
  'POST /api/audit/verify': P.auditVerify,
};
