import { Injectable } from '@nestjs/common';
import { LoginStage, Permission } from '@ruta/shared';
import { Actor, currentRequest, TransactionRunner, randomToken, sha256 } from '@ruta/platform';
import { UserEntity } from '../users/user.entity';
import { SessionEntity } from './session.entity';
import { RecentSessions } from './recent-sessions';
import { SessionsRepository } from './sessions.repository';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export interface AuthenticatedSession {
  actor: Actor;
  session: SessionEntity;
  user: UserEntity;
  stage: LoginStage;
}

/** Where a login stands: the second factor, a missing enrolment, or a forced password change come before `done`. */
export function loginStage(user: Pick<UserEntity, 'mfaEnabled' | 'mustChangePassword'> & { role?: { requiresMfa: boolean } }, mfaVerified: boolean): LoginStage {
  if (user.mfaEnabled && !mfaVerified) return 'totp';
  if (user.role?.requiresMfa && !user.mfaEnabled) return 'enrol_totp';
  if (user.mustChangePassword) return 'change_password';
  return 'done';
}

export function actorOf(user: UserEntity, sessionId: string): Actor {
  return {
    userId: user.id,
    sessionId,
    institutionId: user.institutionId,
    institutionCode: user.institution!.code,
    roleId: user.roleId,
    roleCode: user.role!.code,
    scope: user.role!.scope,
    permissions: new Set(user.role!.permissions as Permission[]),
  };
}

/** Server-side sessions: random tokens in cookies, their hashes in PostgreSQL, so any of them can be revoked at once. */
@Injectable()
export class SessionService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsRepository,
    private readonly recent: RecentSessions,
  ) {}

  /** Opens a session; returns the raw token (for the cookie) and the CSRF token. */
  async open(userId: string, mfaVerified: boolean): Promise<{ token: string; csrfToken: string; sessionId: string }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const request = currentRequest();
    const session = await this.sessions.insert({
      tokenHash: sha256(token),
      csrfToken,
      userId,
      mfaVerified,
      expiresAt: new Date(Date.now() + ABSOLUTE_TIMEOUT_MS),
      ip: request?.ip ?? null,
      userAgent: request?.userAgent ?? null,
    });
    return { token, csrfToken, sessionId: session.id };
  }

  /**
   * Marks the session's second factor done under a new random token, returned for the cookie: a token seen or planted
   * before the second factor (session fixation) never becomes a signed-in one. Expiry and CSRF token stay.
   */
  async elevate(sessionId: string): Promise<string> {
    const token = randomToken();
    await this.sessions.elevate(sessionId, sha256(token));
    return token;
  }

  /** Resolves a session cookie to the acting user, or undefined when it is unknown, revoked, idle or expired. */
  async authenticate(token: string): Promise<AuthenticatedSession | undefined> {
    const tokenHash = sha256(token);
    const recent = this.recent.get(tokenHash);
    if (recent) return recent;
    const resolved = await this.transactions.runAsSystem(async () => {
      const session = await this.sessions.findLive(tokenHash, new Date(Date.now() - IDLE_TIMEOUT_MS));
      if (!session?.user) return undefined;
      if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(session.id);
      return {
        actor: actorOf(session.user, session.id),
        session,
        user: session.user,
        stage: loginStage(session.user, session.mfaVerified),
      };
    });
    if (resolved) this.recent.remember(tokenHash, resolved);
    return resolved;
  }
}
