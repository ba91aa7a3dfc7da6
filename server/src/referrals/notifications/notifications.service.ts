import { Injectable } from '@nestjs/common';
import { NotificationPage, NotificationView } from '@ruta/shared';
import { Actor, decodeCursor, encodeCursor, NotFoundError } from '@ruta/platform';
import { NotificationListQueryDto } from '../core/dto/referral-requests.dto';
import { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';

const DEFAULT_LIMIT = 25;

function toView(n: NotificationEntity): NotificationView {
  return { id: n.id, kind: n.kind, referralId: n.referralId, caseCode: n.caseCode, status: n.status, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
}

/** The signed-in user's in-app notifications (row-level security: only their own): a case code and a kind, no personal data. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(actor: Actor, query: NotificationListQueryDto): Promise<NotificationPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor<{ at: string; id: string }>(query.cursor) : undefined;
    const rows = await this.notifications.page(actor.userId, limit, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const { total, unread } = await this.notifications.counts(actor.userId);
    return { items: items.map(toView), total, unread, limit, ...(rows.length > limit && last ? { nextCursor: encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) } : {}) };
  }

  async readAll(actor: Actor): Promise<{ read: number }> {
    return { read: await this.notifications.markRead(actor.userId) };
  }

  async read(actor: Actor, id: string): Promise<{ read: number }> {
    const read = await this.notifications.markRead(actor.userId, id);
    if (!read && !(await this.notifications.exists(actor.userId, id))) throw new NotFoundError('notification');
    return { read };
  }
}
