import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditService, DomainError, TransactionRunner } from '@ruta/platform';
import { QuotaAction } from './user-quota.entity';
import { UserQuotasRepository } from './user-quotas.repository';

/** A per-user limit: at most `limit` uses in any `windowMs`. */
export interface QuotaRule {
  limit: number;
  windowMs: number;
}

/** 429: the user has spent the quota; `retryAfterSeconds` says when the oldest use leaves the window. */
export class QuotaExceededError extends DomainError {
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(code, 429, message, undefined, { retryAfterSeconds });
  }
}

/** An allowed use: how many uses (this one included) fall within a recent span, e.g. to spot a burst. */
export interface QuotaUse {
  usesWithin(ms: number): number;
}

/**
 * Per-user quotas kept in PostgreSQL (`user_quotas`), so they hold across instances and restarts: a sliding window of
 * the times of each user's recent uses of an action.
 */
@Injectable()
export class UserQuotasService {
  constructor(
    private readonly quotas: UserQuotasRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Spends one use of `action`, or throws QuotaExceededError when `rule` allows no more. A refusal records `refused`
   * in the audit trail in a transaction of its own, since the request's transaction rolls back with the error.
   */
  async consume(userId: string, action: QuotaAction, rule: QuotaRule, refused: { code: string; message: string; audit: AuditEntry }): Promise<QuotaUse> {
    const { usedAt, now } = await this.quotas.recentUses(userId, action, rule.windowMs / 1000);
    if (usedAt.length >= rule.limit) {
      const frees = usedAt[usedAt.length - rule.limit].getTime() + rule.windowMs;
      await this.transactions.runAsSystem(() => this.audit.record({ ...refused.audit, outcome: 'denied' }));
      throw new QuotaExceededError(refused.code, refused.message, Math.max(1, Math.ceil((frees - now.getTime()) / 1000)));
    }
    await this.quotas.use(userId, action);
    const times = [...usedAt.map((t) => t.getTime()), now.getTime()];
    return { usesWithin: (ms) => times.filter((t) => t > now.getTime() - ms).length };
  }
}
