import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The places area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const PLACES_ROUTES: RouteTable = {
  'GET /api/places/departments': P.casesRead,
  'GET /api/places/municipalities': P.casesRead,
  'GET /api/places/departments/:code/municipalities': P.casesRead,
  'GET /api/places/countries': P.casesRead,
};
