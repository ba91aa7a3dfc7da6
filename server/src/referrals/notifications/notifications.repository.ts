import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { NotificationKind, ReferralStatus } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { NotificationEntity } from './notification.entity';

@Injectable()
export class NotificationsRepository extends RepositoryBase {
  /** In-app notifications for the institution's users who read referrals (`ruta_notify_referral()`), with their addresses. */
  async notifyInstitution(referralId: string, institutionId: string, kind: NotificationKind, status: ReferralStatus | null): Promise<{ emails: string[]; caseCode: string | null }> {
    const rows: { email: string }[] = await this.manager.query(`SELECT email FROM ruta_notify_referral($1, $2, $3, $4)`, [referralId, institutionId, kind, status]);
    const [code] = await this.manager.query(`SELECT "caseCode" FROM referrals WHERE id = $1`, [referralId]);
    return { emails: rows.map((r) => r.email), caseCode: code?.caseCode ?? null };
  }

  /** One keyset page, newest first, on IDX_notifications_user_created (one more row than asked: is there a next page). */
  page(userId: string, limit: number, after?: { at: string; id: string }): Promise<NotificationEntity[]> {
    const query = this.manager.getRepository(NotificationEntity).createQueryBuilder('n').where('n."userId" = :userId', { userId });
    if (after) query.andWhere('(n."createdAt", n.id) < (:at, :id)', { at: after.at, id: after.id });
    return query.orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC').limit(limit + 1).getMany();
  }

  /** All and unread, in one pass over the user's index. */
  async counts(userId: string): Promise<{ total: number; unread: number }> {
    const [row] = await this.manager.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE "readAt" IS NULL)::int AS unread FROM notifications WHERE "userId" = $1`, [userId]);
    return row;
  }

  unreadCount(userId: string): Promise<number> {
    return this.manager.getRepository(NotificationEntity).count({ where: { userId, readAt: IsNull() } });
  }

  async exists(userId: string, id: string): Promise<boolean> {
    return (await this.manager.getRepository(NotificationEntity).count({ where: { userId, id } })) > 0;
  }

  async markRead(userId: string, id?: string): Promise<number> {
    const result = await this.manager
      .getRepository(NotificationEntity)
      .update({ userId, readAt: IsNull(), ...(id ? { id } : {}) }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }
}
