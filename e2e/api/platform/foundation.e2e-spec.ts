import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../../support/test-app';

describe('foundation: health, errors and documentation', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports the database as up on /api/health without signing in', async () => {
    const response = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('answers garbage JSON with a 400 problem+json carrying the request id', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'test-request-0001')
      .send('{"email": "x",')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'invalid_json', requestId: 'test-request-0001' });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts|stack/i);
  });

  it('answers an unknown route with a 404 problem, never a stack trace', async () => {
    const response = await request(app.getHttpServer()).get('/api/does-not-exist').expect(404);
    expect(response.body).toMatchObject({ status: 404, code: 'not_found' });
    expect(response.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document with every route', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/api/health');
  });

  it('sends a strict Content-Security-Policy', async () => {
    const response = await request(app.getHttpServer()).get('/api/health');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
