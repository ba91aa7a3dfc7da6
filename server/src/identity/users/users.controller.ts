import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessChangeRequestView, Page, PERMISSIONS, TemporaryPasswordResponse, UserView } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { respond } from '../approvals/access-change-outcome';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

const PENDING = 'Gives protected access: filed for a second administrator (four eyes), not applied yet';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(PERMISSIONS.usersRead)
  list(@Query() query: UserListQueryDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.usersRead)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post()
  @RequirePermission(PERMISSIONS.usersManage)
  @ApiAcceptedResponse({ description: PENDING })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto, @Res({ passthrough: true }) res: Response): Promise<TemporaryPasswordResponse | AccessChangeRequestView> {
    return respond(res, await this.users.create(actor, dto));
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.usersManage)
  @ApiAcceptedResponse({ description: PENDING })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto, @Res({ passthrough: true }) res: Response): Promise<UserView | AccessChangeRequestView> {
    return respond(res, await this.users.update(actor, id, dto));
  }

  @Post(':id/reset-password')
  @RequirePermission(PERMISSIONS.usersManage)
  @HttpCode(200)
  @ApiAcceptedResponse({ description: PENDING })
  async resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<TemporaryPasswordResponse | AccessChangeRequestView> {
    return respond(res, await this.users.resetPassword(actor, id));
  }
}
