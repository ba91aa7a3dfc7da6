import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The privacy area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const PRIVACY_ROUTES: RouteTable = {
  'GET /api/privacy/retention/settings': P.privacyReview,
  'PUT /api/privacy/retention/settings/:recordType': P.privacyReview,
  'GET /api/privacy/retention/items': P.privacyReview,
  'POST /api/privacy/retention/run': P.privacyReview,
  'POST /api/privacy/retention/items/:id/confirm': P.privacyReview,
  'POST /api/privacy/retention/items/:id/postpone': P.privacyReview,
  'GET /api/privacy/erasure-requests': P.privacyReview,
  'POST /api/privacy/erasure-requests': P.privacyReview,
  'GET /api/privacy/erasure-requests/:id': P.privacyReview,
  'POST /api/privacy/erasure-requests/:id/approve': P.privacyReview,
  'POST /api/privacy/erasure-requests/:id/refuse': P.privacyReview,
  'POST /api/privacy/erasure-requests/:id/carry-out': P.privacyReview,
  'GET /api/privacy/erasure-requests/:id/certificate': P.privacyReview,
  'GET /api/privacy/cases/:code': P.privacyReview,
};
