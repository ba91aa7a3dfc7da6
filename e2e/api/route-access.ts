import { Permission } from '@ruta/shared';
import { CASES_ROUTES } from './cases/routes';
import { IDENTITY_ROUTES } from './identity/routes';
import { PLACES_ROUTES } from './places/routes';
import { PLATFORM_ROUTES } from './platform/routes';
import { REFERRALS_ROUTES } from './referrals/routes';
import { ASSISTANCE_ROUTES } from './assistance/routes';
import { PROSECUTIONS_ROUTES } from './prosecutions/routes';
import { HOTLINE_ROUTES } from './hotline/routes';
import { INDICATORS_ROUTES } from './indicators/routes';
import { PRIVACY_ROUTES } from './privacy/routes';

/**
 * Who may reach what: every route of the API with the access it must declare, one table per area
 * (`e2e/api/<area>/routes.ts`) merged here. The route-inventory test fails when a route is missing here or declares
 * something else, so a new route cannot ship without a reviewed entry; the role matrix test then calls every route as
 * every seeded role and checks allow/deny against the roles' permissions.
 */
export type ExpectedAccess = 'public' | 'authenticated' | Permission;
export type RouteTable = Record<string, ExpectedAccess>;

/** Merges the areas' tables; a route listed by two areas is a mistake, not an override. */
export function mergeRouteTables(tables: Record<string, RouteTable>): RouteTable {
  const merged: RouteTable = {};
  for (const [area, table] of Object.entries(tables)) {
    for (const [route, access] of Object.entries(table)) {
      if (route in merged) throw new Error(`Route ${route} is listed twice (again by ${area})`);
      merged[route] = access;
    }
  }
  return merged;
}

export const ROUTE_ACCESS: RouteTable = mergeRouteTables({
  platform: PLATFORM_ROUTES,
  identity: IDENTITY_ROUTES,
  places: PLACES_ROUTES,
  cases: CASES_ROUTES,
  referrals: REFERRALS_ROUTES,
  assistance: ASSISTANCE_ROUTES,
  prosecutions: PROSECUTIONS_ROUTES,
  hotline: HOTLINE_ROUTES,
  indicators: INDICATORS_ROUTES,
  privacy: PRIVACY_ROUTES,
});
