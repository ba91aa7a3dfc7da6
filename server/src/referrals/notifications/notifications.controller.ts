import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationPage, PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { NotificationListQueryDto } from '../core/dto/referral-requests.dto';
import { NotificationsService } from './notifications.service';

/** The signed-in user's in-app notifications (row-level security: only their own). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.referralsRead)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationListQueryDto): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.referralsRead)
  readAll(@CurrentActor() actor: Actor): Promise<{ read: number }> {
    return this.notifications.readAll(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.referralsRead)
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<{ read: number }> {
    return this.notifications.read(actor, id);
  }
}
