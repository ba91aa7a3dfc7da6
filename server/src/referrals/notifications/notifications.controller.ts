import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationView, PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, NotFoundError, RequirePermission } from '@ruta/platform';
import { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';

function toView(n: NotificationEntity): NotificationView {
  return { id: n.id, kind: n.kind, referralId: n.referralId, caseCode: n.caseCode, status: n.status, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
}

/** The signed-in user's in-app notifications (row-level security: only their own). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsRepository) {}

  @Get()
  @RequirePermission(PERMISSIONS.referralsRead)
  async list(@CurrentActor() actor: Actor): Promise<NotificationView[]> {
    return (await this.notifications.latest(actor.userId, 50)).map(toView);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.referralsRead)
  async readAll(@CurrentActor() actor: Actor): Promise<{ read: number }> {
    return { read: await this.notifications.markRead(actor.userId) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.referralsRead)
  async read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<{ read: number }> {
    const read = await this.notifications.markRead(actor.userId, id);
    if (!read && !(await this.notifications.latest(actor.userId, 200)).some((n) => n.id === id)) throw new NotFoundError('notification');
    return { read };
  }
}
