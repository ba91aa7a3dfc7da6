import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '@ruta/platform';
import { QuotaAction } from './user-quota.entity';

/** The only place that touches user_quotas. Row-level security keeps each user to their own rows. */
@Injectable()
export class UserQuotasRepository extends RepositoryBase {
  /**
   * The user's uses of `action` within the last `windowSeconds`, oldest first, and the database's clock. The row is
   * created if missing and stays locked until the transaction ends, so one user's parallel requests count in turn.
   */
  async recentUses(userId: string, action: QuotaAction, windowSeconds: number): Promise<{ usedAt: Date[]; now: Date }> {
    const rows: { usedAt: Date[]; now: Date }[] = await this.manager.query(
      `INSERT INTO user_quotas AS q ("userId", action) VALUES ($1, $2)
       ON CONFLICT ("userId", action) DO UPDATE
         SET "usedAt" = ARRAY(SELECT t FROM unnest(q."usedAt") t WHERE t > now() - make_interval(secs => $3) ORDER BY t)
       RETURNING q."usedAt", now() AS now`,
      [userId, action, windowSeconds],
    );
    return { usedAt: rows[0].usedAt, now: rows[0].now };
  }

  /** Records one use now (after `recentUses` in the same transaction). */
  async use(userId: string, action: QuotaAction): Promise<void> {
    await this.manager.query(`UPDATE user_quotas SET "usedAt" = array_append("usedAt", now()) WHERE "userId" = $1 AND action = $2`, [userId, action]);
  }
}
