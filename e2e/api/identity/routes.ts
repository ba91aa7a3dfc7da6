import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The identity area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const IDENTITY_ROUTES: RouteTable = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/totp': 'authenticated',
  'POST /api/auth/mfa/enrol': 'authenticated',
  'POST /api/auth/mfa/confirm': 'authenticated',
  'DELETE /api/auth/mfa': 'authenticated',
  'POST /api/auth/password': 'authenticated',
  'POST /api/auth/logout': 'authenticated',
  'GET /api/auth/me': 'authenticated',
  'PATCH /api/auth/me': 'authenticated',
  'GET /api/institutions': P.institutionsRead,
  'POST /api/institutions': P.institutionsManage,
  'PATCH /api/institutions/:id': P.institutionsManage,
  'GET /api/roles': P.rolesRead,
  'POST /api/roles': P.rolesManage,
  'PATCH /api/roles/:id': P.rolesManage,
  'GET /api/users': P.usersRead,
  'GET /api/users/:id': P.usersRead,
  'POST /api/users': P.usersManage,
  'PATCH /api/users/:id': P.usersManage,
  'POST /api/users/:id/reset-password': P.usersManage,
  'GET /api/access-requests': P.usersManage,
  'GET /api/access-requests/:id': P.usersManage,
  'POST /api/access-requests/:id/approve': P.usersManage,
  'POST /api/access-requests/:id/refuse': P.usersManage,
  'POST /api/access-requests/:id/cancel': P.usersManage,
};
