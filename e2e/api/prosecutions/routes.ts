import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The prosecutions area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const PROSECUTIONS_ROUTES: RouteTable = {};
void P;
