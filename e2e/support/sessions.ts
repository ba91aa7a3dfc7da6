import { INestApplication } from '@nestjs/common';
import { authenticator } from 'otplib';
import request, { Response } from 'supertest';
import { XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { DEMO_TOTP_SECRET } from '@ruta/server/database/seed/seed';

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
  delete(url: string, body?: object) {
    return this.agent.delete(url).set(XSRF_HEADER, this.xsrf).send(body);
  }
}

/** Signs in (password, then the demo TOTP when the account has two-factor) and returns the session. */
export async function loginAs(app: INestApplication, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const session = ApiSession.anonymous(app);
  const response = await session.post('/api/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`Login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  session.captureXsrf(response);
  session.loginResponse = response;
  if (response.body.stage === 'totp') {
    const totp = await session.post('/api/auth/totp', { code: authenticator.generate(DEMO_TOTP_SECRET) });
    if (totp.status !== 200) throw new Error(`TOTP of ${email} failed: ${totp.status} ${JSON.stringify(totp.body)}`);
  }
  return session;
}
