import { LoginStage } from '@ruta/shared';
import { Actor } from './actor';

/** What the AccessGuard needs from a session: who acts, how far the login has got, and the CSRF token bound to it. */
export interface ResolvedSession {
  actor: Actor;
  stage: LoginStage;
  session: { csrfToken: string };
}

/**
 * The guard lives in the platform and knows nothing of users or roles; identity provides the implementation
 * (`{ provide: SessionAuthenticator, useExisting: SessionService }`).
 */
export abstract class SessionAuthenticator {
  abstract authenticate(token: string): Promise<ResolvedSession | undefined>;
}
