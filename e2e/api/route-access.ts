import { Permission, PERMISSIONS as P } from '@ruta/shared';

/**
 * Who may reach what: every route of the API with the access it must declare. The route-inventory test fails when a
 * route is missing here or declares something else, so a new route cannot ship without a reviewed entry; the role
 * matrix test then calls every route as every seeded role and checks allow/deny against the roles' permissions.
 */
export type ExpectedAccess = 'public' | 'authenticated' | Permission;

export const ROUTE_ACCESS: Record<string, ExpectedAccess> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/totp': 'authenticated',
  'POST /api/auth/mfa/enrol': 'authenticated',
  'POST /api/auth/mfa/confirm': 'authenticated',
  'DELETE /api/auth/mfa': 'authenticated',
  'POST /api/auth/password': 'authenticated',
  'POST /api/auth/logout': 'authenticated',
  'GET /api/auth/me': 'authenticated',
  'PATCH /api/auth/me': 'authenticated',
  'GET /api/audit/events': P.auditRead,
  'POST /api/audit/verify': P.auditVerify,
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
};
