import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The assistance area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const ASSISTANCE_ROUTES: RouteTable = {};
void P;
