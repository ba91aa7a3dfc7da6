import { Inject, Injectable } from '@nestjs/common';
import { LoginStage, MeResponse, TotpConfirmResponse, TotpEnrolmentResponse } from '@ruta/shared';
import { Actor, AuditService, TransactionRunner, DomainError, NotFoundError, UnauthenticatedError, ValidationFailedError, sha256, SECRET_BOX, SecretBox } from '@ruta/platform';
import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { burnPasswordCheck, hashPassword, newRecoveryCodes, normaliseRecoveryCode, totp, verifyPassword } from './credentials';
import { LoginAttempts } from './login-attempts';
import { checkPasswordPolicy } from './password.policy';
import { loginStage, SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';

export interface OpenedSession {
  token: string;
  csrfToken: string;
  stage: LoginStage;
  me: MeResponse;
}

const invalidCredentials = () => new UnauthenticatedError('invalid_credentials', 'The email or the password is not correct');
const accountLocked = () => new DomainError('account_locked', 429, 'Too many failed attempts; try again in 15 minutes');

export function toMe(user: UserEntity, stage: LoginStage): MeResponse {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    language: user.language,
    institution: { id: user.institution!.id, code: user.institution!.code, name: user.institution!.name },
    role: {
      id: user.role!.id,
      code: user.role!.code,
      nameEs: user.role!.nameEs,
      nameEn: user.role!.nameEn,
      scope: user.role!.scope,
      requiresMfa: user.role!.requiresMfa,
    },
    permissions: [...user.role!.permissions],
    mfaEnabled: user.mfaEnabled,
    stage,
  };
}

@Injectable()
export class AuthService {
  private readonly attempts = new LoginAttempts();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly sessionService: SessionService,
    private readonly audit: AuditService,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
  ) {}

  /** Password step. The same answer for an unknown email and a wrong password; lockout after repeated failures. */
  login(email: string, password: string): Promise<OpenedSession> {
    const key = email.toLowerCase();
    return this.transactions.runAsSystem(async () => {
      const found = await this.users.findByEmail(key);
      const user = found && (await this.users.withSecrets(found));
      // A known account's failures and lock live on its row (they outlive a restart, hold across instances, and an
      // administrator's password reset lifts them); an unknown name's live in memory, so both answer alike.
      if (user ? isLocked(user) : this.attempts.isLocked(key)) {
        await this.audit.record({ action: 'login_locked', outcome: 'denied', actor: user ? this.actorRef(user) : null, entityType: user ? 'user' : undefined, entityId: user?.id });
        throw accountLocked();
      }
      const valid = user?.active ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
      if (!user || !valid) {
        await this.recordFailure(key, user, 'login_failed');
        throw invalidCredentials();
      }
      const stage = loginStage(user, false);
      // With a second factor still owed the failures keep counting: only a complete sign-in clears them, so knowing
      // the password never buys fresh guesses at the code.
      await this.users.updateInternal(user.id, stage === 'totp' ? { lastLoginAt: new Date() } : { lastLoginAt: new Date(), failedLogins: 0, lockedUntil: null });
      const session = await this.sessionService.open(user.id, false);
      await this.audit.record({ action: 'login', actor: this.actorRef(user), entityType: 'user', entityId: user.id, details: { stage } });
      return { ...session, stage, me: toMe(user, stage) };
    });
  }

  /**
   * Second factor: a TOTP code or one unused recovery code. Wrong codes count toward the account lock like wrong
   * passwords; the failure that locks the account ends this half-open session, and a locked account's right code
   * gets the lock answer. Success gives the session a new token (returned for the cookie): the old one is dead.
   */
  async verifySecondFactor(actor: Actor, code: string): Promise<{ stage: LoginStage; me: MeResponse; token: string }> {
    const user = await this.requireUser(actor);
    if (!user.mfaEnabled || !user.mfaSecret) throw new DomainError('mfa_not_enrolled', 409, 'Two-factor authentication is not set up');
    if (isLocked(user)) await this.refuseLocked(user, actor.sessionId);
    const recoveryHash = sha256(normaliseRecoveryCode(code));
    const step = totp.step(this.secrets.open(user.mfaSecret), code.trim());
    const byTotp = step !== null && step > (user.mfaLastStep ?? -1);
    const byRecovery = !byTotp && user.recoveryCodeHashes.includes(recoveryHash);
    if (!byTotp && !byRecovery) {
      if (await this.recordFailure(user.email, user, 'mfa_failed', actor.sessionId)) throw accountLocked();
      throw new ValidationFailedError([{ field: 'code', code: 'invalid_code', message: 'The code is not valid' }], 'The code is not valid');
    }
    if (byTotp) await this.users.updateInternal(user.id, { mfaLastStep: step, failedLogins: 0 });
    if (byRecovery) await this.users.updateInternal(user.id, { recoveryCodeHashes: user.recoveryCodeHashes.filter((h) => h !== recoveryHash), failedLogins: 0 });
    const token = await this.sessionService.elevate(actor.sessionId);
    await this.audit.record({ action: 'mfa_verified', entityType: 'user', entityId: user.id, details: { method: byTotp ? 'totp' : 'recovery_code' } });
    const stage = loginStage(user, true);
    return { stage, me: toMe(user, stage), token };
  }

  /** Starts TOTP enrolment: a new secret, kept unconfirmed until a code from it is entered. */
  async startEnrolment(actor: Actor, stage: LoginStage): Promise<TotpEnrolmentResponse> {
    const user = await this.requireUser(actor);
    if (user.mfaEnabled && stage !== 'done') throw new DomainError('mfa_already_enrolled', 409, 'Two-factor authentication is already set up');
    if (user.mfaEnabled) throw new DomainError('mfa_already_enrolled', 409, 'Two-factor authentication is already set up');
    const secret = totp.newSecret();
    await this.users.updateInternal(user.id, { mfaSecret: this.secrets.seal(secret), mfaLastStep: null });
    const otpauthUrl = totp.uri(user.email, secret);
    return { secret, otpauthUrl, qrDataUrl: await totp.qrDataUrl(otpauthUrl) };
  }

  /** Confirms the enrolment with a code from the new secret; like the second factor, the session gets a new token. */
  async confirmEnrolment(actor: Actor, code: string): Promise<TotpConfirmResponse & { token: string }> {
    const user = await this.requireUser(actor);
    if (user.mfaEnabled || !user.mfaSecret) throw new DomainError('mfa_not_started', 409, 'Start the enrolment first');
    const step = totp.step(this.secrets.open(user.mfaSecret), code.trim());
    if (step === null) {
      throw new ValidationFailedError([{ field: 'code', code: 'invalid_code', message: 'The code is not valid' }], 'The code is not valid');
    }
    const recoveryCodes = newRecoveryCodes();
    await this.users.updateInternal(user.id, { mfaEnabled: true, mfaLastStep: step, recoveryCodeHashes: recoveryCodes.map((c) => sha256(c)) });
    const token = await this.sessionService.elevate(actor.sessionId);
    await this.audit.record({ action: 'mfa_enrolled', entityType: 'user', entityId: user.id });
    return { recoveryCodes, stage: loginStage({ ...user, mfaEnabled: true }, true), token };
  }

  async disableMfa(actor: Actor, password: string): Promise<void> {
    const user = await this.requireUser(actor);
    if (user.role!.requiresMfa) throw new DomainError('mfa_required', 409, 'Your role requires two-factor authentication');
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new ValidationFailedError([{ field: 'password', code: 'invalid_credentials', message: 'The password is not correct' }]);
    }
    await this.users.updateInternal(user.id, { mfaEnabled: false, mfaSecret: null, mfaLastStep: null, recoveryCodeHashes: [] });
    await this.audit.record({ action: 'update', entityType: 'user', entityId: user.id, details: { fields: ['mfaEnabled'] } });
  }

  /** Changes the password and ends every session of the user, this one included. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.requireUser(actor);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new ValidationFailedError([{ field: 'currentPassword', code: 'invalid_credentials', message: 'The current password is not correct' }]);
    }
    const problems = checkPasswordPolicy(newPassword, { email: user.email });
    if (newPassword === currentPassword) problems.push({ field: 'newPassword', code: 'same_password', message: 'Choose a password different from the current one' });
    if (problems.length) throw new ValidationFailedError(problems);
    await this.users.updateInternal(user.id, { passwordHash: await hashPassword(newPassword), mustChangePassword: false });
    await this.sessions.revokeAllForUser(user.id);
    await this.audit.record({ action: 'password_changed', entityType: 'user', entityId: user.id });
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId);
    await this.audit.record({ action: 'logout', entityType: 'user', entityId: actor.userId });
  }

  /** Who am I: no secret column is needed for the answer, so none is read (no system transaction on every page load). */
  async me(actor: Actor, stage: LoginStage): Promise<MeResponse> {
    return toMe(await this.findUser(actor), stage);
  }

  async updateLanguage(actor: Actor, language: 'es' | 'en', stage: LoginStage): Promise<MeResponse> {
    await this.users.updateInternal(actor.userId, { language });
    return this.me(actor, stage);
  }

  private async findUser(actor: Actor): Promise<UserEntity> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new NotFoundError('user');
    return user;
  }

  /** The user with the secret columns (password hash, TOTP secret, recovery codes), read as system work. */
  private async requireUser(actor: Actor): Promise<UserEntity> {
    return this.users.withSecrets(await this.findUser(actor));
  }

  private actorRef(user: UserEntity) {
    return { userId: user.id, institutionId: user.institutionId, roleCode: user.role?.code ?? '' };
  }

  /**
   * One failed password or second factor, in a transaction of its own (it stays when the request fails): counted on
   * the account row for a known account (atomically, so parallel guesses all count), in memory for an unknown name.
   * The failure that locks the account also ends `sessionId`, the half-open session it came from. True when it locks.
   */
  private recordFailure(key: string, user: UserEntity | null, action: 'login_failed' | 'mfa_failed', sessionId?: string): Promise<boolean> {
    const actor = user ? this.actorRef(user) : null;
    return this.transactions.runAsSystem(async () => {
      const locked = user ? await this.users.recordFailedAttempt(user.id, this.attempts.maxFailures, this.attempts.lockMs) : this.attempts.fail(key);
      await this.audit.record({ action, outcome: 'failure', actor, entityType: user ? 'user' : undefined, entityId: user?.id });
      if (locked) {
        await this.audit.record({ action: 'login_locked', outcome: 'denied', actor, entityType: user ? 'user' : undefined, entityId: user?.id });
        if (sessionId) await this.sessions.revoke(sessionId);
      }
      return locked;
    });
  }

  /** A locked account at the second factor: the half-open session ends and even the right code gets the lock answer. */
  private async refuseLocked(user: UserEntity, sessionId: string): Promise<never> {
    await this.transactions.runAsSystem(async () => {
      await this.audit.record({ action: 'login_locked', outcome: 'denied', actor: this.actorRef(user), entityType: 'user', entityId: user.id });
      await this.sessions.revoke(sessionId);
    });
    throw accountLocked();
  }
}

function isLocked(user: Pick<UserEntity, 'lockedUntil'>): boolean {
  return !!user.lockedUntil && user.lockedUntil > new Date();
}
