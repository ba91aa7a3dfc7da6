import { INestApplication } from '@nestjs/common';
import { authenticator } from 'otplib';
import request, { Response } from 'supertest';
import { XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { DEMO_TOTP_SECRET } from '@ruta/identity';

export const DEMO_PASSWORD = 'ruta-demo-2026';

/** A signed-in API client: keeps the session cookie and echoes the anti-forgery token like the Angular client does. */
export class ApiSession {
  private xsrf = '';

  constructor(
    private readonly agent: ReturnType<typeof request.agent>,
    public loginResponse?: Response,
  ) {}

  static anonymous(app: INestApplication): ApiSession {
    return new ApiSession(request.agent(app.getHttpServer()));
  }

  captureXsrf(response: Response): void {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = cookies.find((c) => c.startsWith(`${XSRF_COOKIE}=`));
    if (cookie) this.xsrf = cookie.split(';')[0].split('=')[1];
  }

  get(url: string) {
    return this.agent.get(url);
  }
  post(url: string, body?: object) {
    return this.agent.post(url).set(XSRF_HEADER, this.xsrf).send(body);
  }
  patch(url: string, body?: object) {
    return this.agent.patch(url).set(XSRF_HEADER, this.xsrf).send(body);
  }
  put(url: string, body?: object) {
    return this.agent.put(url).set(XSRF_HEADER, this.xsrf).send(body);
  }
  delete(url: string, body?: object) {
    return this.agent.delete(url).set(XSRF_HEADER, this.xsrf).send(body);
  }
}

const STEP_MS = 30_000;
const lastStepUsed = new Map<string, number>();

/**
 * A TOTP code of the demo secret that the server has not accepted yet for this account in this database: Ruta refuses a
 * code twice (RFC 6238 §5.2), so successive logins use the next time step (the server accepts ±1 step of drift) and
 * wait only when both are spent.
 */
export async function nextTotp(email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const key = `${process.env.RUTA_TEST_APP_URL}|${email}`;
  let current = Math.floor(Date.now() / STEP_MS);
  const step = Math.max(current, (lastStepUsed.get(key) ?? -1) + 1);
  while (step > current + 1) {
    await new Promise((resolve) => setTimeout(resolve, (current + 1) * STEP_MS - Date.now() + 50));
    current = Math.floor(Date.now() / STEP_MS);
  }
  lastStepUsed.set(key, step);
  return authenticator.clone({ epoch: step * STEP_MS }).generate(secret);
}

/** Signs in (password, then the demo TOTP when the account has two-factor) and returns the session. */
export async function loginAs(app: INestApplication, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const session = ApiSession.anonymous(app);
  const response = await session.post('/api/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`Login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  session.captureXsrf(response);
  session.loginResponse = response;
  if (response.body.stage === 'totp') {
    const totp = await session.post('/api/auth/totp', { code: await nextTotp(email) });
    if (totp.status !== 200) throw new Error(`TOTP of ${email} failed: ${totp.status} ${JSON.stringify(totp.body)}`);
  }
  return session;
}
