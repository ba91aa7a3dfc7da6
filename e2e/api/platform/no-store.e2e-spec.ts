import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request, { Response } from 'supertest';
import { Permission, SEED_ROLES } from '@ruta/shared';
import { newCaseRequest } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { ROUTE_ACCESS } from '../route-access';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256, 0x20), Buffer.from('\n%%EOF\n')]);
const NO_RECORD = '00000000-0000-4000-8000-000000000000';

/**
 * What a shared workstation's browser (or a proxy) must not keep: no-store (health checks add no-cache and
 * must-revalidate to it), no-cache for HTTP/1.0, and no validator.
 */
function caching(response: Response) {
  const noStore = /(^|,)\s*no-store\s*(,|$)/.test(String(response.headers['cache-control'] ?? ''));
  return { status: response.status, noStore, pragma: response.headers['pragma'], etag: response.headers['etag'] };
}

describe('no-store: no API answer is cacheable', () => {
  let app: INestApplication;
  const sessions: Record<string, ApiSession> = {};
  const params: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    app = await createTestApp();
    [sessions.supervisor, sessions.admin, sessions.auditor] = await Promise.all([
      loginAs(app, 'supervisor@oim.demo'),
      loginAs(app, 'admin@mininterior.demo'),
      loginAs(app, 'auditor@procuraduria.demo'),
    ]);
    const { code } = (await sessions.supervisor.post('/api/cases', newCaseRequest()).expect(201)).body.case;
    await sessions.supervisor.post(`/api/cases/${code}/notes`, { body: 'Nota ficticia', restricted: false }).expect(201);
    const document = await sessions.supervisor.post(`/api/cases/${code}/documents`).unset('Content-Type').field('kind', 'other').attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' }).expect(201);
    const me = await sessions.admin.get('/api/auth/me').expect(200);
    params['GET /api/cases/:code/documents/:id/content'] = { code, id: document.body.id };
    params['GET /api/users/:id'] = { id: me.body.id };
    params['GET /api/places/departments/:code/municipalities'] = { code: '11' };
    params.default = { code };
  });
  afterAll(async () => {
    await app.close();
  });

  function sessionFor(route: string): ApiSession | undefined {
    const access = ROUTE_ACCESS[route];
    if (access === 'public') return undefined;
    if (access === 'authenticated') return sessions.supervisor;
    const holder = ['supervisor', 'admin', 'auditor'].find((role) => SEED_ROLES.find((r) => r.code === role)!.permissions.includes(access as Permission));
    return sessions[holder ?? 'supervisor'];
  }

  function urlOf(route: string): string {
    const values = params[route] ?? params.default;
    return route.split(' ')[1].replace(/:([A-Za-z]+)/g, (_, name: string) => (name === 'code' ? (values.code ?? params.default.code) : (values[name] ?? NO_RECORD)));
  }

  it('sends Cache-Control: no-store, Pragma: no-cache and no ETag on every GET route of the route table, as a permitted user', async () => {
    const routes = Object.keys(ROUTE_ACCESS).filter((route) => route.startsWith('GET '));
    expect(routes.length).toBeGreaterThan(20);
    const seen: Record<string, ReturnType<typeof caching>> = {};
    for (const route of routes) {
      const session = sessionFor(route);
      const url = urlOf(route);
      const response = await (session ? session.get(url) : request(app.getHttpServer()).get(url));
      seen[route] = caching(response);
    }
    const cacheable = Object.entries(seen).filter(([, c]) => !c.noStore || c.pragma !== 'no-cache' || c.etag !== undefined || c.status >= 500);
    expect(cacheable).toEqual([]);
    // The victim data the issue names answered with their content, not with an error that happened to be no-store.
    for (const route of ['GET /api/cases/:code', 'GET /api/cases/:code/notes', 'GET /api/cases/:code/documents/:id/content']) expect(seen[route].status).toBe(200);
  });

  it('never answers 304 to a conditional request for case data: there is no validator to match', async () => {
    const code = params.default.code;
    for (const url of [`/api/cases/${code}`, `/api/cases/${code}/notes`, urlOf('GET /api/cases/:code/documents/:id/content')]) {
      const response = await sessions.supervisor.get(url).set('If-None-Match', '*').set('If-Modified-Since', new Date().toUTCString());
      expect(caching(response)).toEqual({ status: 200, noStore: true, pragma: 'no-cache', etag: undefined });
    }
  });

  it('sends no-store on errors too: 400, 401, 403, 404 and unreadable JSON', async () => {
    const anonymous = request(app.getHttpServer());
    const responses = [
      await sessions.supervisor.post('/api/cases/search', { limit: 'many' }),
      await anonymous.get(`/api/cases/${params.default.code}`),
      await sessions.supervisor.get('/api/audit/events'),
      await sessions.supervisor.get('/api/cases/RT-1999-999999'),
      await anonymous.get('/api/no-such-route'),
      await anonymous.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": '),
    ];
    expect(responses.map((r) => r.status)).toEqual([400, 401, 403, 404, 404, 400]);
    for (const response of responses) expect(caching(response)).toMatchObject({ noStore: true, pragma: 'no-cache', etag: undefined });
  });

  describe('the built client, outside /api', () => {
    let clientApp: INestApplication;
    let clientDir: string;

    beforeAll(async () => {
      clientDir = mkdtempSync(join(tmpdir(), 'ruta-client-'));
      writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Ruta</title>');
      writeFileSync(join(clientDir, 'main.js'), 'console.log("ruta")');
      clientApp = await createTestApp({ CLIENT_DIR: clientDir });
    });
    afterAll(async () => {
      await clientApp.close();
      rmSync(clientDir, { recursive: true, force: true });
    });

    it('keeps its own caching of static files', async () => {
      const response = await request(clientApp.getHttpServer()).get('/main.js').expect(200);
      expect(caching(response).noStore).toBe(false);
      expect(response.headers['etag']).toBeDefined();
    });
  });
});
