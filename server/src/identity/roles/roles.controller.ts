import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessChangeRequestView, PERMISSIONS, RoleView } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { respond } from '../approvals/access-change-outcome';
import { CreateRoleDto, UpdateRoleDto } from './dto/role.dto';
import { RolesService } from './roles.service';

const PENDING = 'A protected change: filed for a second administrator (four eyes), not applied yet';

@ApiTags('roles')
@Controller('roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequirePermission(PERMISSIONS.rolesRead)
  list(): Promise<RoleView[]> {
    return this.roles.list();
  }

  @Post()
  @RequirePermission(PERMISSIONS.rolesManage)
  @ApiAcceptedResponse({ description: PENDING })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateRoleDto, @Res({ passthrough: true }) res: Response): Promise<RoleView | AccessChangeRequestView> {
    return respond(res, await this.roles.create(actor, dto));
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.rolesManage)
  @ApiAcceptedResponse({ description: PENDING })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRoleDto, @Res({ passthrough: true }) res: Response): Promise<RoleView | AccessChangeRequestView> {
    return respond(res, await this.roles.update(actor, id, dto));
  }
}
