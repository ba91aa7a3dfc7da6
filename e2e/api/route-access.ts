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
  'GET /api/places/departments': P.casesRead,
  'GET /api/places/departments/:code/municipalities': P.casesRead,
  'GET /api/places/countries': P.casesRead,
  'POST /api/cases': P.casesCreate,
  'POST /api/cases/duplicates': P.casesCreate,
  'POST /api/cases/search': P.casesRead,
  'GET /api/cases/:code': P.casesRead,
  'PATCH /api/cases/:code': P.casesUpdate,
  'PATCH /api/cases/:code/victim': P.victimIdentityUpdate,
  'POST /api/cases/:code/transitions': P.casesTransition,
  'POST /api/cases/:code/assignments': P.casesAssign,
  'DELETE /api/cases/:code/assignments/:userId': P.casesAssign,
  'GET /api/cases/:code/timeline': P.casesRead,
  'GET /api/cases/:code/consents': P.consentRead,
  'POST /api/cases/:code/consents': P.consentManage,
  'POST /api/cases/:code/consents/:id/revoke': P.consentManage,
  'GET /api/cases/:code/notes': P.notesRead,
  'POST /api/cases/:code/notes': P.notesCreate,
  'GET /api/cases/:code/documents': P.documentsRead,
  'POST /api/cases/:code/documents': P.documentsUpload,
  'GET /api/cases/:code/documents/:id/content': P.documentsRead,
  'GET /api/saved-filters': P.casesRead,
  'POST /api/saved-filters': P.casesRead,
  'PATCH /api/saved-filters/:id': P.casesRead,
  'DELETE /api/saved-filters/:id': P.casesRead,
};
