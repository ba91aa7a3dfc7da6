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

  latest(userId: string, limit: number): Promise<NotificationEntity[]> {
    return this.manager.getRepository(NotificationEntity).find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  unreadCount(userId: string): Promise<number> {
    return this.manager.getRepository(NotificationEntity).count({ where: { userId, readAt: IsNull() } });
  }

  async markRead(userId: string, id?: string): Promise<number> {
    const result = await this.manager
      .getRepository(NotificationEntity)
      .update({ userId, readAt: IsNull(), ...(id ? { id } : {}) }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }
}
