import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessChangeDecision, AccessChangeRequestView, PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { AccessRequestsService } from './access-requests.service';
import { ApprovalsService } from './approvals.service';
import { AccessChangeListQueryDto, ApproveAccessChangeDto, CancelAccessChangeDto, RefuseAccessChangeDto } from './dto/access-request.dto';

/** Four-eyes requests: protected access changes waiting for a second administrator. Role kinds also need roles:manage. */
@ApiTags('access requests')
@Controller('access-requests')
export class AccessRequestsController {
  constructor(
    private readonly requests: AccessRequestsService,
    private readonly approvals: ApprovalsService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.usersManage)
  list(@CurrentActor() actor: Actor, @Query() query: AccessChangeListQueryDto): Promise<AccessChangeRequestView[]> {
    return this.requests.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.usersManage)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AccessChangeRequestView> {
    return this.requests.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.usersManage)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveAccessChangeDto): Promise<AccessChangeDecision> {
    return this.approvals.approve(actor, id, dto.version);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.usersManage)
  refuse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RefuseAccessChangeDto): Promise<AccessChangeDecision> {
    return this.approvals.refuse(actor, id, dto.version, dto.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.usersManage)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelAccessChangeDto): Promise<AccessChangeRequestView> {
    return this.requests.cancel(actor, id, dto.version);
  }
}
