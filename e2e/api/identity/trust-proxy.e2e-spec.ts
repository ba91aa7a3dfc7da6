import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../../support/test-app';
import { ownerQuery } from '../../support/case-factory';

/**
 * Issue 8, item 3: the client address (login throttle, audit trail, sessions) comes from X-Forwarded-For only when
 * TRUST_PROXY names the proxy. Before, any peer on the loopback could choose the address it was counted under.
 */
describe('client address: X-Forwarded-For counts only from a configured proxy', () => {
  let attempt = 0;
  /** A failed sign-in of a name that exists nowhere (no account lock gets in the way). */
  const failedLogin = (app: INestApplication, forwardedFor: string) =>
    request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', forwardedFor)
      .send({ email: `nobody.${++attempt}@nowhere.demo`, password: 'not a password at all' });

  describe('by default (TRUST_PROXY unset)', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createTestApp();
    });
    afterAll(async () => {
      await app.close();
    });

    it('throttles sign-in attempts by the real peer, whatever X-Forwarded-For claims, and audits the peer address', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 31; i++) statuses.push((await failedLogin(app, `203.0.113.${i}`)).status);
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
      expect(statuses[30]).toBe(429);
      const ips = await ownerQuery<{ ip: string | null }>(`SELECT DISTINCT ip FROM audit_events WHERE action = 'login_failed'`);
      expect(ips.length).toBeGreaterThan(0);
      for (const { ip } of ips) expect(ip).not.toMatch(/^203\.0\.113\./);
    });
  });

  describe('behind a proxy on the loopback (TRUST_PROXY=loopback)', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createTestApp({ TRUST_PROXY: 'loopback' });
    });
    afterAll(async () => {
      await app.close();
    });

    it('takes the client address from the proxy: throttled and audited per client', async () => {
      for (let i = 0; i < 30; i++) await failedLogin(app, '198.51.100.10').expect(401);
      await failedLogin(app, '198.51.100.10').expect(429);
      await failedLogin(app, '198.51.100.11').expect(401);
      const ips = await ownerQuery<{ ip: string }>(`SELECT DISTINCT ip FROM audit_events WHERE action = 'login_failed' ORDER BY ip`);
      expect(ips.map((r) => r.ip)).toEqual(['198.51.100.10', '198.51.100.11']);
    });
  });
});
