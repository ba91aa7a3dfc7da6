import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request, { Response, Test } from 'supertest';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '@ruta/server/platform/database/transaction-runner';
import { newCaseRequest } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { StallingProxy } from '../../support/stalling-proxy';
import { createTestApp } from '../../support/test-app';

/** Short timeouts so the test is quick; the defaults (10 s, 5 s, 15 s) behave the same, only slower. */
const STATEMENT_MS = 1000;
const ACQUIRE_MS = 1000;
const IDLE_IN_TRANSACTION_MS = 3000;
/** The slowest a request may answer during an outage: the client-side read timeout (statement + 1 s) plus slack. */
const OUTAGE_ANSWER_MS = STATEMENT_MS + 1000 + 1500;

async function timed(test: Test): Promise<{ response: Response; ms: number }> {
  const started = Date.now();
  // Far longer than any timeout of the server: a hang shows up as this error, not as a slow pass.
  const response = await test.timeout({ response: 8000, deadline: 9000 });
  return { response, ms: Date.now() - started };
}

function expectUnavailable({ response, ms }: { response: Response; ms: number }, withinMs: number): void {
  expect({ status: response.status, type: response.headers['content-type'], code: response.body.code, fast: ms < withinMs }).toEqual({
    status: 503,
    type: expect.stringMatching(/application\/problem\+json/),
    code: 'database_unavailable',
    fast: true,
  });
  expect(response.headers['retry-after']).toBe('5');
  expect(response.text).not.toMatch(/timeout exceeded|Connection terminated|statement timeout|127\.0\.0\.1|postgres:/);
}

describe('database outage: timeouts, liveness and readiness, 503 instead of a hang', () => {
  let proxy: StallingProxy;
  let app: INestApplication;
  let investigator: ApiSession;
  let code: string;

  beforeAll(async () => {
    const server = new URL(process.env.RUTA_TEST_SERVER_URL!);
    proxy = await StallingProxy.start({ host: server.hostname, port: Number(server.port) });
    app = await createTestApp(
      {
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
        DATABASE_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS),
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: String(IDLE_IN_TRANSACTION_MS),
      },
      { database: (url) => proxy.route(url) },
    );
    investigator = await loginAs(app, 'investigator@policia.demo');
    code = (await investigator.post('/api/cases', newCaseRequest()).expect(201)).body.case.code;
  });
  afterAll(async () => {
    proxy.resume();
    await app.close();
    await proxy.close();
  });

  it('answers liveness without the database, and readiness (also under /api/health) with it', async () => {
    const live = await request(app.getHttpServer()).get('/api/health/live').expect(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    for (const path of ['/api/health/ready', '/api/health']) {
      const ready = await request(app.getHttpServer()).get(path).expect(200);
      expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    }
  });

  it('opens every connection of the application with the statement and idle-in-transaction timeouts', async () => {
    const [settings] = await app.get(DataSource).query(`SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`);
    expect(settings).toEqual({ statement: '1s', idle: '3s' });
  });

  it('lets a background job\u2019s transaction run longer statements than a request may, and only that transaction', async () => {
    const runner = app.get(TransactionRunner);
    const sleep = (seconds: number, options?: { statementTimeoutMs: number }) => runner.runAsSystem((manager) => manager.query(`SELECT 1 AS done FROM pg_sleep(${seconds})`), options);
    // A request's limit (1 s) cancels it.
    await expect(sleep(1.5)).rejects.toMatchObject({ code: '57014' });
    // A job's longer limit: PostgreSQL and the client's read timeout (1 s + 1 s margin) both wait past 2 s.
    await expect(sleep(2.5, { statementTimeoutMs: 6000 })).resolves.toEqual([{ done: 1 }]);
    // Every connection of the pool is back to the request's limit afterwards.
    for (let i = 0; i < 3; i++) await expect(sleep(1.5)).rejects.toMatchObject({ code: '57014' });
  });

  it('answers 503 problem+json within the statement timeout while a table the request needs is locked', async () => {
    const owner = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query('LOCK TABLE cases IN ACCESS EXCLUSIVE MODE');
      expectUnavailable(await timed(investigator.get(`/api/cases/${code}`)), STATEMENT_MS + 1500);
      expectUnavailable(await timed(investigator.post('/api/cases/search', { limit: 5 })), STATEMENT_MS + 1500);
    } finally {
      await owner.query('ROLLBACK');
      await owner.end();
    }
    await investigator.get(`/api/cases/${code}`).expect(200);
  });

  it('answers 503 and never hangs while the database stops answering; readiness says so within 2 s, liveness stays up', async () => {
    proxy.stall();
    try {
      const [detail, login, health, ready, live] = await Promise.all([
        timed(investigator.get(`/api/cases/${code}`)),
        timed(request(app.getHttpServer()).post('/api/auth/login').send({ email: 'investigator@das.demo', password: 'ruta-demo-2026' })),
        timed(request(app.getHttpServer()).get('/api/health')),
        timed(request(app.getHttpServer()).get('/api/health/ready')),
        timed(request(app.getHttpServer()).get('/api/health/live')),
      ]);
      expectUnavailable(detail, OUTAGE_ANSWER_MS);
      expectUnavailable(login, OUTAGE_ANSWER_MS);
      expectUnavailable(health, 2000);
      expectUnavailable(ready, 2000);
      expect(ready.response.body.checks).toMatchObject({ database: { status: 'down' } });
      expect({ status: live.response.status, fast: live.ms < 500 }).toEqual({ status: 200, fast: true });
      // Requests keep failing fast while it lasts: stuck connections were dropped, not handed to the next request.
      expectUnavailable(await timed(investigator.get(`/api/cases/${code}/notes`)), OUTAGE_ANSWER_MS);
    } finally {
      proxy.resume();
    }
    await request(app.getHttpServer()).get('/api/health/ready').expect(200);
    await investigator.get(`/api/cases/${code}`).expect(200);
  });
});
