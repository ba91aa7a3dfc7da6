import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEMO_ACCOUNTS, SEED_ROLES } from '@ruta/shared';
import { createTestApp } from '../../support/test-app';
import { discoverRoutes, DiscoveredRoute } from '../../support/routes';
import { ApiSession, loginAs } from '../../support/sessions';
import { ExpectedAccess, ROUTE_ACCESS } from '../route-access';

function declared(route: DiscoveredRoute): ExpectedAccess | undefined {
  if (!route.access) return undefined;
  return route.access.kind === 'permission' ? route.access.permission : route.access.kind;
}

/** A concrete URL for a route pattern: parameters get a well-formed id that matches no record. */
function concrete(path: string): string {
  return path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
}

function call(session: ApiSession | undefined, app: INestApplication, method: string, url: string) {
  if (!session) return (request(app.getHttpServer()) as unknown as Record<string, (u: string) => request.Test>)[method.toLowerCase()](url);
  switch (method) {
    case 'GET':
      return session.get(url);
    case 'POST':
      return session.post(url, {});
    case 'PATCH':
      return session.patch(url, {});
    case 'PUT':
      return session.put(url, {});
    case 'DELETE':
      return session.delete(url, {});
    default:
      throw new Error(`Unexpected method ${method}`);
  }
}

describe('access: default deny, route inventory and role matrix', () => {
  let app: INestApplication;
  let routes: DiscoveredRoute[];

  beforeAll(async () => {
    app = await createTestApp();
    routes = discoverRoutes(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds the routes by reflection', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(ROUTE_ACCESS).length);
  });

  it('has every route declare exactly the access listed in the reviewed table', () => {
    const actual = Object.fromEntries(routes.map((r) => [r.key, declared(r) ?? 'MISSING']));
    expect(actual).toEqual(ROUTE_ACCESS);
  });

  it('answers 401 to unauthenticated requests on every non-public route', async () => {
    for (const route of routes.filter((r) => declared(r) !== 'public')) {
      const response = await call(undefined, app, route.method, concrete(route.path));
      expect({ route: route.key, status: response.status }).toEqual({ route: route.key, status: 401 });
    }
  });

  it('answers garbage JSON with 400 problem+json on every route that takes a body', async () => {
    for (const route of routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))) {
      const response = await (request(app.getHttpServer()) as unknown as Record<string, (u: string) => request.Test>)
        [route.method.toLowerCase()](concrete(route.path))
        .set('Content-Type', 'application/json')
        .send('{"oops": ');
      expect({ route: route.key, status: response.status, code: response.body.code }).toEqual({ route: route.key, status: 400, code: 'invalid_json' });
    }
  });

  const accounts = DEMO_ACCOUNTS.filter((a, i, all) => all.findIndex((b) => b.role === a.role) === i);

  it.each(accounts.map((a) => [a.role, `${a.role}@${a.institution}.demo`]))('holds the matrix for the %s role', async (roleCode, email) => {
    const role = SEED_ROLES.find((r) => r.code === roleCode)!;
    const session = await loginAs(app, email);
    const mismatches: string[] = [];
    // Logout last: it ends the session the other calls use.
    const ordered = [...routes].sort((a, b) => Number(a.key === 'POST /api/auth/logout') - Number(b.key === 'POST /api/auth/logout'));
    for (const route of ordered) {
      if (route.key === 'POST /api/auth/login') continue;
      const expected = ROUTE_ACCESS[route.key];
      const allowed = expected === 'public' || expected === 'authenticated' || role.permissions.includes(expected);
      const response = await call(session, app, route.method, concrete(route.path));
      const denied = response.status === 403 || response.status === 401;
      if (allowed === denied || response.status >= 500) mismatches.push(`${route.key}: expected ${allowed ? 'allow' : 'deny'}, got ${response.status}`);
    }
    expect(mismatches).toEqual([]);
    // Every route of every area, one request each: on a loaded two-core machine that is more than the default 30 s.
  }, 120_000);
});
