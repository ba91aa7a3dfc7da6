import { PERMISSIONS as P } from '@ruta/shared';
import type { RouteTable } from '../route-access';

/** The referrals area's routes and the access each must declare (merged into ROUTE_ACCESS). */
export const REFERRALS_ROUTES: RouteTable = {
  'POST /api/referrals': P.referralsManage,
  'POST /api/referrals/consent-check': P.referralsManage,
  'GET /api/referrals': P.referralsRead,
  'GET /api/referrals/badge': P.referralsRead,
  'GET /api/referrals/deadlines': P.referralsRead,
  'GET /api/referrals/deadline-settings': P.institutionsManage,
  'PUT /api/referrals/deadlines': P.institutionsManage,
  'GET /api/referrals/:id': P.referralsRead,
  'GET /api/referrals/:id/case': P.referralsRead,
  'POST /api/referrals/:id/transitions': P.referralsManage,
  'GET /api/cases/:code/referrals': P.referralsRead,
  'GET /api/cases/:code/referrals/disclosure-pdf': P.referralsRead,
  'GET /api/notifications': P.referralsRead,
  'POST /api/notifications/read-all': P.referralsRead,
  'POST /api/notifications/:id/read': P.referralsRead,
  'GET /api/referral-review/stats': P.indicatorsRead,
  'GET /api/referral-review/network': P.indicatorsRead,
};
