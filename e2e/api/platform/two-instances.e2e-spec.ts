import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { CreateCaseResponse, ReferralView, SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { REFERRAL_DEADLINE_LOCK } from '@ruta/referrals';
import { newCaseRequest } from '../../support/case-factory';
import { DEMO_PASSWORD } from '../../support/sessions';
import { TEST_SECRET_KEY } from '../../support/test-config';
import { cloneTestDatabase, freePort } from '../../support/test-database';
import { runServerScript, ServerProcess } from '../../support/server-process';

/**
 * Issue 17, item 4: two Ruta processes on ports A and B, one database (DATABASE_URL + DATABASE_APP_URL +
 * DATABASE_SYSTEM_URL), as a deployment behind a load balancer runs them. Everything a user or a job relies on lives in
 * PostgreSQL, so whichever instance answers: sessions, logouts, lockouts, the audit chain, the scheduled jobs and the
 * optimistic locks hold across both.
 */
jest.setTimeout(120_000);

/** A browser's cookie jar, sent to whichever instance the test picks (a load balancer without sticky sessions). */
class Browser {
  private readonly cookies = new Map<string, string>();

  async send(base: string, method: string, path: string, body?: object): Promise<Response> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        [XSRF_HEADER]: this.cookies.get(XSRF_COOKIE) ?? '',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value) this.cookies.set(pair.slice(0, at), value);
      else this.cookies.delete(pair.slice(0, at));
    }
    return response;
  }

  async json<T>(base: string, method: string, path: string, body?: object): Promise<T> {
    const response = await this.send(base, method, path, body);
    if (!response.ok) throw new Error(`${method} ${path} on ${base}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  get session(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  /** A client that only has a copy of a session cookie. */
  static holding(token: string): Browser {
    const browser = new Browser();
    browser.cookies.set(SESSION_COOKIE, token);
    return browser;
  }

  /** Password login of a demo account without a second factor. */
  static async login(base: string, email: string): Promise<Browser> {
    const browser = new Browser();
    const response = await browser.send(base, 'POST', '/api/auth/login', { email, password: DEMO_PASSWORD });
    if (response.status !== 200) throw new Error(`Login of ${email} on ${base} failed: ${response.status} ${await response.text()}`);
    return browser;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two instances on one database', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ruta-two-instances-'));
  const anchors = join(scratch, 'audit-anchors.jsonl');
  const mails: string[] = [];
  let smtp: SMTPServer;
  let owner: Client;
  let ownerUrl: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let A: string;
  let B: string;

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await owner.query(sql, params)).rows as T[];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push(text);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const database = await cloneTestDatabase();
    ownerUrl = database.ownerUrl;
    owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    const common = {
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_URL: database.appUrl,
      DATABASE_SYSTEM_URL: database.systemUrl,
      RUTA_SECRET_KEY: TEST_SECRET_KEY,
      AUDIT_ANCHOR_FILE: anchors,
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      PUBLIC_URL: 'https://ruta.example',
      // Every instance tries the deadline job every second: ticks of A and B overlap all the time.
      REFERRAL_DEADLINE_CHECK_SECONDS: '1',
      LOG_LEVEL: 'warn',
      CLIENT_DIR: 'dist/none',
    };
    const ports = [await freePort(), await freePort()];
    const started = await Promise.allSettled(
      ports.map((port, i) => ServerProcess.start({ ...common, RUTA_DATA_DIR: join(scratch, `instance-${i}`), PORT: String(port) })),
    );
    for (const result of started)
      if (result.status === 'rejected') {
        for (const other of started) if (other.status === 'fulfilled') other.value.kill();
        throw result.reason;
      }
    [a, b] = started.map((result) => (result as PromiseFulfilledResult<ServerProcess>).value);
    [A, B] = [a.url, b.url];
  }, 150_000);

  afterAll(async () => {
    a?.kill();
    b?.kill();
    await owner?.end();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(scratch, { recursive: true, force: true });
  });

  it('serves a session made on A from B, and a logout on B ends it on A', async () => {
    const browser = await Browser.login(A, 'supervisor@oim.demo');
    const onA = await browser.json<{ email: string }>(A, 'GET', '/api/auth/me');
    const onB = await browser.json<{ email: string }>(B, 'GET', '/api/auth/me');
    expect(onB.email).toBe('supervisor@oim.demo');
    expect(onB).toEqual(onA);
    // A write through B with the session and anti-forgery token A handed out.
    const { items } = await browser.json<{ items: { code: string }[] }>(B, 'POST', '/api/cases/search', { limit: 1 });
    expect(items).toHaveLength(1);

    const token = browser.session!;
    expect(token).toBeTruthy();
    expect((await browser.send(B, 'POST', '/api/auth/logout')).status).toBe(204);
    // The logout clears the browser's cookie; a copy of the token kept aside no longer works on either instance.
    expect(browser.session).toBeUndefined();
    const stolen = Browser.holding(token);
    expect((await stolen.send(A, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await stolen.send(B, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('counts failed logins on both instances against one account, and a lockout made on A holds on B', async () => {
    const email = 'partner@icbf.demo';
    const wrong = { email, password: 'not-the-password-2026' };
    // Five failures, alternating between the instances: each counts on the account's row, none in one process only.
    const statuses: number[] = [];
    for (const base of [A, B, A, B, A]) statuses.push((await new Browser().send(base, 'POST', '/api/auth/login', wrong)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (const base of [B, A]) {
      const right = await new Browser().send(base, 'POST', '/api/auth/login', { email, password: DEMO_PASSWORD });
      expect(right.status).toBe(429);
      expect(((await right.json()) as { code: string }).code).toBe('account_locked');
    }
  });

  it('keeps optimistic locking across them: two edits of one version, one on A and one on B, give one 200 and one 409', async () => {
    const [onA, onB] = [await Browser.login(A, 'investigator@policia.demo'), await Browser.login(B, 'investigator@policia.demo')];
    const created = (await onA.json<CreateCaseResponse>(A, 'POST', '/api/cases', newCaseRequest())).case;
    let current = await onB.json<{ version: number; source: string; labourSector: string }>(B, 'GET', `/api/cases/${created.code}`);
    for (let round = 0; round < 3; round++) {
      const { version } = current;
      // Each edit really changes something (an edit that changes nothing is answered without a write).
      const [first, second] = await Promise.all([
        onA.send(A, 'PATCH', `/api/cases/${created.code}`, { version, source: current.source === 'hotline' ? 'ngo' : 'hotline' }),
        onB.send(B, 'PATCH', `/api/cases/${created.code}`, {
          version,
          labourSector: current.labourSector === 'mining_or_drilling' ? 'agriculture' : 'mining_or_drilling',
        }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const loser = (await (first.status === 409 ? first : second).json()) as { code: string; currentVersion: number };
      expect(loser).toMatchObject({ code: 'stale_version', currentVersion: version + 1 });
      current = await onB.json(B, 'GET', `/api/cases/${created.code}`);
      expect(current.version).toBe(version + 1);
    }
  });

  it('runs the deadline job once per tick: while another holds its lock neither instance runs it, then one marks and notifies once', async () => {
    const police = await Browser.login(A, 'investigator@policia.demo');
    const iom = (await query<{ id: string }>(`SELECT id FROM institutions WHERE code = 'oim'`))[0].id;
    const consents = [
      { purpose: 'data_processing', grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' },
      { purpose: 'sharing', institutionId: iom, grantedBy: 'self', method: 'written', grantedAt: '2026-01-15T10:00:00Z' },
    ];
    const referrals: ReferralView[] = [];
    for (const base of [A, B]) {
      const created = (await police.json<CreateCaseResponse>(base, 'POST', '/api/cases', newCaseRequest({ consents }))).case;
      referrals.push(
        await police.json<ReferralView>(base, 'POST', '/api/referrals', {
          caseCode: created.code,
          toInstitutionId: iom,
          purpose: 'lodging',
          urgency: 'emergency',
          sections: ['summary'],
        }),
      );
    }
    const ids = referrals.map((r) => r.id);
    const overdue = () => query<{ id: string }>(`SELECT id FROM referrals WHERE id = ANY($1::uuid[]) AND "overdueAt" IS NOT NULL`, [ids]);

    // Hold the job's lock (as a third instance in the middle of a run would) and let both deadlines pass.
    const holder = new Client({ connectionString: ownerUrl });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock($1)`, [REFERRAL_DEADLINE_LOCK]);
      await query(`UPDATE referrals SET "deadlineAt" = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [ids]);
      // Three ticks of each instance: every one of them found the lock taken and left the work to its holder.
      await sleep(3_500);
      expect(await overdue()).toEqual([]);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock($1)`, [REFERRAL_DEADLINE_LOCK]);
      await holder.end();
    }
    await until('both referrals marked overdue', async () => ((await overdue()).length === 2 ? true : undefined));
    const mailsFor = (id: string) => mails.filter((mail) => mail.includes(`/remisiones/${id}`) && /Referral[ _]overdue/.test(mail)).length;
    // One mail to each side of each referral, from whichever instance ran the tick.
    await until('the overdue e-mails', async () => (ids.every((id) => mailsFor(id) >= 2) ? true : undefined));
    // More ticks of both instances: nothing is marked, notified or mailed a second time.
    await sleep(2_500);
    const events = await query<{ referralId: string; n: number }>(
      `SELECT "referralId", count(*)::int AS n FROM referral_events WHERE "referralId" = ANY($1::uuid[]) AND kind = 'overdue' GROUP BY 1 ORDER BY 1`,
      [ids],
    );
    expect(events.map((e) => e.n)).toEqual([1, 1]);
    const notified = await query<{ n: number; users: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT ("referralId", "userId"))::int AS users FROM notifications
        WHERE "referralId" = ANY($1::uuid[]) AND kind = 'referral_overdue'`,
      [ids],
    );
    expect(notified[0].users).toBeGreaterThanOrEqual(2);
    expect(notified[0].n).toBe(notified[0].users);
    expect(ids.map(mailsFor)).toEqual([2, 2]);
  });

  it('seals what both instances record into one unbroken chain, and npm run audit:verify passes', async () => {
    const users = await Promise.all([Browser.login(A, 'supervisor@oim.demo'), Browser.login(B, 'caseworker@oim.demo')]);
    // Events recorded on both instances at once, while both sealers run every second.
    await Promise.all(
      users.flatMap((user, i) => Array.from({ length: 10 }, () => user.json(i === 0 ? A : B, 'POST', '/api/cases/search', { limit: 5 }))),
    );
    const pending = async () =>
      (
        await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_events e WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s."eventId" = e.id)`,
        )
      )[0].n;
    // Sealed by the instances themselves, not by the verification below.
    await until('the instances to seal every event', async () => ((await pending()) === 0 ? true : undefined));
    const [{ seals, events, first, last }] = await query<{ seals: number; events: number; first: string; last: string }>(
      `SELECT (SELECT count(*)::int FROM audit_seals) AS seals, (SELECT count(*)::int FROM audit_events) AS events,
              (SELECT min(seq)::text FROM audit_seals) AS first, (SELECT max(seq)::text FROM audit_seals) AS last`,
    );
    // One seal per event, numbered without a gap or a repeat (two sealers never forked the chain).
    expect(seals).toBe(events);
    expect([first, last]).toEqual(['1', String(seals)]);

    // Both instances anchor the head into the shared anchor file on their way out; the chain still verifies against it.
    for (const server of [a, b]) expect((await server.stop()).code).toBe(0);
    expect(a.errorLines.concat(b.errorLines)).toEqual([]);
    const verified = runServerScript('server/src/platform/audit/verify.cli.ts', {
      DATABASE_URL: ownerUrl,
      RUTA_SECRET_KEY: TEST_SECRET_KEY,
      RUTA_DATA_DIR: scratch,
      AUDIT_ANCHOR_FILE: anchors,
    });
    expect(verified.stderr).toBe('');
    expect(verified.status).toBe(0);
    const checked = Number(/Audit trail intact: (\d+) events verified/.exec(verified.stdout)?.[1]);
    expect(checked).toBeGreaterThanOrEqual(events);
    expect(verified.stdout).toMatch(/Anchors agree: [1-9]\d* anchors/);
  });
});
