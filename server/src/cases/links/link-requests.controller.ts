import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IncomingLinkRequestView, PERMISSIONS } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { AcceptLinkRequestDto, DeclineLinkRequestDto } from './dto/link-request.dto';
import { LinkRequestInboxService } from './link-request-inbox.service';

/** The link requests other institutions sent to the actor's institution. */
@ApiTags('case links')
@Controller('case-link-requests')
export class LinkRequestsController {
  constructor(private readonly inbox: LinkRequestInboxService) {}

  @Get()
  @RequirePermission(PERMISSIONS.casesUpdate)
  list(@CurrentActor() actor: Actor): Promise<IncomingLinkRequestView[]> {
    return this.inbox.list(actor);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.casesUpdate)
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AcceptLinkRequestDto): Promise<IncomingLinkRequestView> {
    return this.inbox.accept(actor, id, dto);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.casesUpdate)
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DeclineLinkRequestDto): Promise<IncomingLinkRequestView> {
    return this.inbox.decline(actor, id, dto);
  }
}
