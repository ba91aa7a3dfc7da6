import { INestApplication } from '@nestjs/common';
import request, { Response } from 'supertest';
import { newCaseRequest } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

const DEEP = 5000;
const deepArray = '['.repeat(DEEP) + ']'.repeat(DEEP);

/** The answer every hostile input must get: 400 problem+json naming the field, never the value, never a 500. */
function expectFieldError(response: Response, field: string | RegExp, code: string): void {
  expect({ status: response.status, type: response.headers['content-type'], code: response.body.code }).toEqual({
    status: 400,
    type: expect.stringMatching(/application\/problem\+json/),
    code: 'validation_failed',
  });
  expect(response.body.errors).toEqual([expect.objectContaining({ field: typeof field === 'string' ? field : expect.stringMatching(field), code })]);
  expect(response.text).not.toMatch(/\\u0000|\\ud800|\\udfff/i);
}

describe('hostile input: NUL, lone surrogates and deep nesting are 400s with a field, not 500s', () => {
  let app: INestApplication;
  let supervisor: ApiSession;
  let admin: ApiSession;
  let code: string;

  beforeAll(async () => {
    app = await createTestApp();
    [supervisor, admin] = await Promise.all([loginAs(app, 'supervisor@oim.demo'), loginAs(app, 'admin@mininterior.demo')]);
    const created = (await supervisor.post('/api/cases', newCaseRequest()).expect(201)).body.case;
    code = created.code;
  });
  afterAll(async () => {
    await app.close();
  });

  describe('a NUL character in a free-text field', () => {
    const NUL = 'Prueba\u0000Ficticia';
    const cases: [string, () => Promise<Response>, string][] = [
      ['a note', () => supervisor.post(`/api/cases/${code}/notes`, { body: NUL }), 'body'],
      ['given names', () => supervisor.patch(`/api/cases/${code}/victim`, { version: 1, givenNames: NUL }), 'givenNames'],
      ['an alias', () => supervisor.patch(`/api/cases/${code}/victim`, { version: 1, aliases: ['La Ficticia', NUL] }), 'aliases.1'],
      ['a location', () => supervisor.patch(`/api/cases/${code}/victim`, { version: 1, currentLocation: NUL }), 'currentLocation'],
      ['intake', () => supervisor.post('/api/cases', newCaseRequest({ victim: { familyNames: NUL } })), 'victim.familyNames'],
      ['a search', () => supervisor.post('/api/cases/search', { name: NUL }), 'name'],
      ['a saved filter', () => supervisor.post('/api/saved-filters', { name: NUL, filters: {} }), 'name'],
      ['a duplicate check', () => supervisor.post('/api/cases/duplicates', { givenNames: NUL, familyNames: 'Ficticia' }), 'givenNames'],
      ['the users search q', () => admin.get('/api/users?q=ana%00'), 'q'],
      ['a case code in the path', () => supervisor.get('/api/cases/RT-2026-000001%00'), 'code'],
      ['a user name', () => admin.post('/api/users', { name: NUL, email: 'x@y.demo', institutionId: '00000000-0000-4000-8000-000000000000', roleId: '00000000-0000-4000-8000-000000000000' }), 'name'],
      ['an institution name', () => admin.post('/api/institutions', { code: 'ficticia', name: NUL, type: 'ngo' }), 'name'],
      ['a field name', () => supervisor.post('/api/saved-filters', { name: 'Filtro', filters: { ['departmentCode\u0000']: '11' } }), 'filters'],
    ];
    it.each(cases)('in %s', async (_, send, field) => {
      expectFieldError(await send(), field, field === 'filters' ? 'invalidFieldName' : 'nulCharacter');
    });
  });

  describe('JSON nested 5,000 deep', () => {
    it('on the login, unauthenticated', async () => {
      const response = await request(app.getHttpServer()).post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email": ${deepArray}, "password": "x"}`);
      expectFieldError(response, /^email(\.0)+/, 'maxDepth');
    });

    it('as a whole body', async () => {
      const response = await supervisor.post('/api/cases/search').set('Content-Type', 'application/json').send(deepArray);
      expectFieldError(response, /^0(\.0)+/, 'maxDepth');
    });

    it('inside the opaque value of an intake draft', async () => {
      const response = await supervisor.put('/api/case-drafts/mine').set('Content-Type', 'application/json').send(`{"step": 1, "value": {"victim": ${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}}`);
      expectFieldError(response, /^value\.victim(\.a)+/, 'maxDepth');
    });
  });

  describe('a lone surrogate', () => {
    it('in the login e-mail, unauthenticated', async () => {
      const response = await request(app.getHttpServer()).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "ana\\udfff@policia.demo", "password": "x"}');
      expectFieldError(response, 'email', 'invalidUnicode');
    });

    it('in a victim e-mail', async () => {
      expectFieldError(await supervisor.patch(`/api/cases/${code}/victim`, { version: 1, email: '\ud800@x.demo' }), 'email', 'invalidUnicode');
    });
  });

  it('still accepts text with accents, emoji and right-to-left marks', async () => {
    await supervisor.post(`/api/cases/${code}/notes`, { body: 'José Pérez 😀 \u202eok' }).expect(201);
  });
});
