import { INestApplication } from '@nestjs/common';
import type { Response, Test } from 'supertest';
import { Permission, SEED_ROLES } from '@ruta/shared';
import { newCaseRequest } from '../../support/case-factory';
import {
  DEEP_ARRAY,
  DEEP_OBJECT,
  hash,
  hostileQuery,
  hostileValue,
  leafPaths,
  NUL_STRINGS,
  pick,
  printable,
  prng,
  RAW_BODIES,
  RAW_URL_FRAGMENTS,
  serialise,
  SURROGATE_STRINGS,
  withValueAt,
} from '../../support/hostile-input';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { ROUTE_ACCESS } from '../route-access';

/** RUTA_FUZZ_SEED replays a failing run; the default keeps `npm test` deterministic. */
const SEED = Number(process.env.RUTA_FUZZ_SEED ?? 20260806);
/** Random attempts per route, on top of the systematic ones (NUL, lone surrogate, deep nesting in every field)... */
const RANDOM_PER_ROUTE = 40;
/** ...fewer for a route whose body is empty or absent and that takes no parameters: there is less to vary. */
const RANDOM_PER_PLAIN_ROUTE = 10;
/** The random phase stops when the whole run has taken this long (RUTA_FUZZ_BUDGET_MS); the systematic one always runs. */
const BUDGET_MS = Number(process.env.RUTA_FUZZ_BUDGET_MS ?? 55_000);
const LOGOUT = 'POST /api/auth/logout';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256, 0x20), Buffer.from('\n%%EOF\n')]);

/** Routes that end or change the signing-in of their own session: they get a throwaway one, and logout runs last. */
const OWN_SESSION_ROUTES = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/totp',
  'POST /api/auth/mfa/enrol',
  'POST /api/auth/mfa/confirm',
  'DELETE /api/auth/mfa',
]);

interface Target {
  /** Values of the route's path parameters, by name. */
  params: Record<string, string>;
  /** A valid body whose fields the fuzz replaces one at a time; undefined for routes without a body. */
  body?: () => unknown;
  /** A multipart upload (documents). */
  multipart?: boolean;
}

interface Attempt {
  route: string;
  /** `systematic`, or the position in the route's random sequence (replay: RUTA_FUZZ_SEED and the route). */
  kind: string;
  session: string;
  method: string;
  url: string;
  body?: string;
  multipart?: { kind: string; filename: string; extra?: [string, string] };
}

function reproducer(attempt: Attempt, response: Response | undefined, error?: unknown): string {
  const sent = attempt.multipart ? `multipart ${printable(JSON.stringify(attempt.multipart))}` : attempt.body !== undefined ? printable(attempt.body) : '(no body)';
  const got = response ? `${response.status} ${printable(response.text ?? '', 300)}` : `no answer: ${String(error)}`;
  return `RUTA_FUZZ_SEED=${SEED} ${attempt.route} (${attempt.kind}) as ${attempt.session}: ${attempt.method} ${printable(attempt.url, 200)} body ${sent} -> ${got}`;
}

describe('fuzz: hostile bodies, query strings and ids never cause a 5xx', () => {
  let app: INestApplication;
  const sessions: Record<string, ApiSession> = {};
  let targets: Record<string, Target>;

  beforeAll(async () => {
    app = await createTestApp();
    sessions.anonymous = ApiSession.anonymous(app);
    [sessions.supervisor, sessions.admin, sessions.auditor, sessions.throwaway] = await Promise.all([
      loginAs(app, 'supervisor@oim.demo'),
      loginAs(app, 'admin@mininterior.demo'),
      loginAs(app, 'auditor@procuraduria.demo'),
      loginAs(app, 'investigator@das.demo'),
    ]);
    const supervisor = sessions.supervisor;
    const admin = sessions.admin;
    const newCase = async () => (await supervisor.post('/api/cases', newCaseRequest()).expect(201)).body.case as { code: string; version: number };
    const [main, moving, consenting] = [await newCase(), await newCase(), await newCase()];
    const document = await supervisor.post(`/api/cases/${main.code}/documents`).unset('Content-Type').field('kind', 'other').attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' }).expect(201);
    await supervisor.post(`/api/cases/${main.code}/notes`, { body: 'Nota ficticia', restricted: false }).expect(201);
    const consents = await supervisor.get(`/api/cases/${consenting.code}/consents`).expect(200);
    const [kept, dropped] = [
      (await supervisor.post('/api/saved-filters', { name: 'Fuzz kept', filters: { departmentCode: '11' } }).expect(201)).body,
      (await supervisor.post('/api/saved-filters', { name: 'Fuzz dropped', filters: { departmentCode: '05' } }).expect(201)).body,
    ];
    const [users, roles, institutions] = [(await admin.get('/api/users?limit=100').expect(200)).body.items, (await admin.get('/api/roles').expect(200)).body, (await admin.get('/api/institutions').expect(200)).body];
    const userId = (email: string) => users.find((u: { email: string }) => u.email === email).id as string;
    const operator = userId('operator@oim.demo');
    const caseworker = userId('caseworker@oim.demo');
    const partnerRole = roles.find((r: { code: string }) => r.code === 'partner');
    const icbf = institutions.find((i: { code: string }) => i.code === 'icbf');
    const policia = institutions.find((i: { code: string }) => i.code === 'policia');
    const onMain = { code: main.code };
    targets = {
      'POST /api/auth/login': { params: {}, body: () => ({ email: 'nadie@fuzz.demo', password: 'not the password 1' }) },
      'POST /api/auth/totp': { params: {}, body: () => ({ code: '000000' }) },
      'POST /api/auth/mfa/enrol': { params: {}, body: () => ({}) },
      'POST /api/auth/mfa/confirm': { params: {}, body: () => ({ code: '000000' }) },
      'DELETE /api/auth/mfa': { params: {}, body: () => ({ password: 'not the password 1' }) },
      'POST /api/auth/password': { params: {}, body: () => ({ currentPassword: 'not the password 1', newPassword: 'a new passphrase for nobody' }) },
      'POST /api/auth/logout': { params: {}, body: () => ({}) },
      'PATCH /api/auth/me': { params: {}, body: () => ({ language: 'es' }) },
      'POST /api/institutions': { params: {}, body: () => ({ code: 'fuzz-inst', name: 'Institución Ficticia', type: 'ngo' }) },
      'PATCH /api/institutions/:id': { params: { id: icbf.id }, body: () => ({ version: icbf.version, name: 'ICBF' }) },
      'POST /api/roles': { params: {}, body: () => ({ code: 'fuzz-role', nameEs: 'Rol', nameEn: 'Role', scope: 'institution', requiresMfa: false, permissions: ['cases:read'] }) },
      'PATCH /api/roles/:id': { params: { id: partnerRole.id }, body: () => ({ version: partnerRole.version, nameEs: partnerRole.nameEs }) },
      'GET /api/users/:id': { params: { id: operator } },
      'POST /api/users': { params: {}, body: () => ({ name: 'Usuario Ficticio', email: 'fuzz@oim.demo', institutionId: icbf.id, roleId: partnerRole.id }) },
      'PATCH /api/users/:id': { params: { id: operator }, body: () => ({ version: 1, name: 'Olga Operadora Línea (demo)' }) },
      'POST /api/users/:id/reset-password': { params: { id: operator }, body: () => ({}) },
      'POST /api/cases': { params: {}, body: () => newCaseRequest() },
      'POST /api/cases/duplicates': { params: {}, body: () => ({ givenNames: 'Prueba', familyNames: 'Ficticia', birthDate: '1980-01-01', sex: 'female', documentNumber: '123' }) },
      'POST /api/cases/search': { params: {}, body: () => ({ name: 'Prueba', code: 'RT-2026-000001', status: ['received'], institutionId: [policia.id], limit: 10, sort: 'newest' }) },
      'PATCH /api/cases/:code': { params: onMain, body: () => ({ version: main.version, departmentCode: '11', events: [{ kind: 'exploitation', countryCode: 'CO', municipalityCode: '05001' }] }) },
      'PATCH /api/cases/:code/victim': {
        params: onMain,
        body: () => ({ version: main.version, givenNames: 'Prueba', familyNames: 'Ficticia', aliases: ['La Ficticia'], currentLocation: 'Bogotá', shelterLocation: 'Hogar', documentNumber: '123', email: 'x@y.demo' }),
      },
      'POST /api/cases/:code/transitions': { params: { code: moving.code }, body: () => ({ version: moving.version, to: 'screening' }) },
      'POST /api/cases/:code/assignments': { params: onMain, body: () => ({ userId: caseworker }) },
      'DELETE /api/cases/:code/assignments/:userId': { params: { ...onMain, userId: caseworker } },
      'POST /api/cases/:code/consents': { params: onMain, body: () => ({ purpose: 'sharing', institutionId: policia.id, grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' }) },
      'POST /api/cases/:code/consents/:id/revoke': { params: { code: consenting.code, id: consents.body[0].id }, body: () => ({}) },
      'POST /api/cases/:code/notes': { params: onMain, body: () => ({ body: 'Nota ficticia', restricted: true }) },
      'POST /api/cases/:code/documents': { params: onMain, multipart: true },
      'GET /api/cases/:code/documents/:id/content': { params: { ...onMain, id: document.body.id } },
      'POST /api/cases/:code/link-requests': { params: onMain, body: () => ({ institutionId: policia.id, matchedOn: 'document' }) },
      'POST /api/case-link-requests/:id/accept': { params: { id: '00000000-0000-4000-8000-000000000000' }, body: () => ({ version: 1, caseCode: main.code }) },
      'POST /api/case-link-requests/:id/decline': { params: { id: '00000000-0000-4000-8000-000000000000' }, body: () => ({ version: 1, reason: 'other' }) },
      'POST /api/saved-filters': { params: {}, body: () => ({ name: 'Filtro', filters: { status: ['received'], departmentCode: '11', minor: true, createdFrom: '2026-01-01' } }) },
      'PATCH /api/saved-filters/:id': { params: { id: kept.id }, body: () => ({ version: kept.version, name: 'Filtro', filters: { departmentCode: '11' } }) },
      'DELETE /api/saved-filters/:id': { params: { id: dropped.id } },
      'PUT /api/case-drafts/mine': { params: {}, body: () => ({ step: 1, value: { victim: { givenNames: 'Prueba' }, notes: ['a'] } }) },
      'DELETE /api/case-drafts/mine': { params: {} },
      'GET /api/places/departments/:code/municipalities': { params: { code: '11' } },
      'POST /api/audit/verify': { params: {}, body: () => ({}) },
    };
  });
  afterAll(async () => {
    await app.close();
  });

  function sessionFor(route: string): string {
    const access = ROUTE_ACCESS[route];
    if (access === 'public') return 'anonymous';
    if (OWN_SESSION_ROUTES.has(route)) return 'throwaway';
    if (access === 'authenticated') return 'supervisor';
    const holders: [string, string][] = [
      ['supervisor', 'supervisor'],
      ['admin', 'admin'],
      ['auditor', 'auditor'],
    ];
    const holder = holders.find(([, role]) => SEED_ROLES.find((r) => r.code === role)!.permissions.includes(access as Permission));
    return holder?.[0] ?? 'supervisor';
  }

  function urlOf(route: string, params: Record<string, string>, override?: [string, string]): string {
    const path = route.split(' ')[1];
    return path.replace(/:([A-Za-z]+)/g, (_, name: string) => (override && override[0] === name ? override[1] : encodeURIComponent(params[name] ?? '00000000-0000-4000-8000-000000000000')));
  }

  /** Every field of the route's valid body with a NUL, a lone surrogate and 5,000-deep nesting; every id with a NUL. */
  function systematicAttempts(route: string): Attempt[] {
    const [method] = route.split(' ');
    const target = targets[route] ?? { params: {} };
    const session = sessionFor(route);
    const kind = 'systematic';
    const base = target.body?.();
    const url = urlOf(route, target.params);
    const attempts: Attempt[] = [];
    const send = (body: unknown) => attempts.push({ route, kind, session, method, url, body: serialise(body) });

    if (base !== undefined) {
      for (const path of leafPaths(base)) {
        for (const value of [NUL_STRINGS[1], SURROGATE_STRINGS[1], DEEP_ARRAY, DEEP_OBJECT]) send(withValueAt(base, path, value));
      }
    }
    for (const name of Object.keys(target.params)) {
      for (const fragment of ['%00', 'a%00b', '%ED%A0%80']) attempts.push({ route, kind, session, method, url: urlOf(route, target.params, [name, fragment]) });
    }
    attempts.push({ route, kind, session, method, url: `${url}?q=%00&cursor=%00&limit=%00` });
    if (target.multipart) {
      for (const [part, filename] of [['other\u0000', 'a.pdf'], ['other', 'a\u0000.pdf'], ['other', '\ud800.pdf'], ['\ud800', 'a.pdf']]) {
        attempts.push({ route, kind, session, method, url, multipart: { kind: part, filename } });
      }
    }
    return attempts;
  }

  /** The route's random attempts, a reproducible sequence of its own: mutated bodies, raw bodies, query strings, ids. */
  function* randomAttempts(route: string): Generator<Attempt> {
    const [method] = route.split(' ');
    const target = targets[route] ?? { params: {} };
    const session = sessionFor(route);
    const random = prng(SEED ^ hash(route));
    const base = target.body?.();
    const url = urlOf(route, target.params);
    const params = Object.keys(target.params);
    const plain = params.length === 0 && (base === undefined || leafPaths(base).every((path) => path.length === 0));
    const count = plain ? RANDOM_PER_PLAIN_ROUTE : RANDOM_PER_ROUTE;
    for (let i = 0; i < count; i++) {
      const attempt = { route, kind: `random #${i}`, session, method, url };
      const dice = random();
      if (dice < 0.15 || (base === undefined && !target.multipart && (dice < 0.6 || !params.length))) {
        yield { ...attempt, url: url + hostileQuery(random) };
      } else if (dice < 0.3 && params.length) {
        yield { ...attempt, url: urlOf(route, target.params, [pick(random, params), pick(random, RAW_URL_FRAGMENTS)]) };
      } else if (dice < 0.4 && method !== 'GET') {
        yield { ...attempt, body: pick(random, RAW_BODIES) };
      } else if (target.multipart) {
        const part = String(pick(random, ['other', hostileValue(random)]));
        yield { ...attempt, multipart: { kind: part, filename: String(hostileValue(random)), extra: [String(hostileValue(random)), String(hostileValue(random))] } };
      } else if (base !== undefined) {
        const paths = leafPaths(base);
        let body: unknown = base;
        for (let n = 1 + Math.floor(random() * 2); n > 0; n--) body = withValueAt(body, pick(random, paths), hostileValue(random));
        if (random() < 0.2) body = { ...(body as object), [String(hostileValue(random))]: hostileValue(random) };
        yield { ...attempt, body: serialise(body) };
      } else {
        yield { ...attempt, url: urlOf(route, target.params, [pick(random, params), pick(random, RAW_URL_FRAGMENTS)]) };
      }
    }
  }

  function request(attempt: Attempt): Test {
    const session = sessions[attempt.session];
    const verb = attempt.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let test: Test = verb === 'get' ? session.get(attempt.url) : session[verb](attempt.url);
    if (attempt.multipart) {
      test = test.unset('Content-Type').field('kind', attempt.multipart.kind);
      if (attempt.multipart.extra) test = test.field(attempt.multipart.extra[0] || 'x', attempt.multipart.extra[1]);
      test = test.attach('file', PDF, { filename: attempt.multipart.filename || 'x', contentType: 'application/pdf' });
    } else if (attempt.body !== undefined) {
      test = test.set('Content-Type', 'application/json').send(attempt.body);
    }
    return test.timeout({ response: 15_000, deadline: 20_000 });
  }

  it('answers every generated request of every route in the route table without a 5xx', async () => {
    const started = Date.now();
    const failures: string[] = [];
    let sent = 0;
    const attempt = async (next: Attempt) => {
      sent++;
      try {
        const response = await request(next);
        if (response.status >= 500) failures.push(reproducer(next, response));
      } catch (error) {
        failures.push(reproducer(next, undefined, error));
      }
    };
    // Logout last: it ends the session its route uses.
    const routes = Object.keys(ROUTE_ACCESS).filter((route) => route !== LOGOUT);
    for (const route of routes) for (const next of systematicAttempts(route)) await attempt(next);
    const systematic = sent;
    // Random attempts round-robin over the routes, so that a smaller budget (a busy machine) still reaches every route.
    const streams = routes.map(randomAttempts);
    while (streams.length > 0 && Date.now() - started < BUDGET_MS) {
      for (let i = streams.length - 1; i >= 0; i--) {
        const next = streams[i].next();
        if (next.done) streams.splice(i, 1);
        else await attempt(next.value);
      }
    }
    for (const next of [...systematicAttempts(LOGOUT), ...randomAttempts(LOGOUT)]) await attempt(next);
    expect({ failures, sent: sent > systematic }).toEqual({ failures: [], sent: true });
  }, 240_000);
});
