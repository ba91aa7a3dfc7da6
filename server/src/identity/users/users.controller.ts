import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, PERMISSIONS, TemporaryPasswordResponse, UserView } from '@ruta/shared';
import { RequirePermission } from '@ruta/platform';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

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
  create(@Body() dto: CreateUserDto): Promise<TemporaryPasswordResponse> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.usersManage)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto);
  }

  @Post(':id/reset-password')
  @RequirePermission(PERMISSIONS.usersManage)
  @HttpCode(200)
  resetPassword(@Param('id', ParseUUIDPipe) id: string): Promise<TemporaryPasswordResponse> {
    return this.users.resetPassword(id);
  }
}
