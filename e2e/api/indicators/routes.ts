import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The indicators area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const INDICATORS_ROUTES: RouteTable = {};
void P;
