import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, RoleView } from '@ruta/shared';
import { RequirePermission } from '@ruta/platform';
import { CreateRoleDto, UpdateRoleDto } from './dto/role.dto';
import { RolesService } from './roles.service';

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
  create(@Body() dto: CreateRoleDto): Promise<RoleView> {
    return this.roles.create(dto);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.rolesManage)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRoleDto): Promise<RoleView> {
    return this.roles.update(id, dto);
  }
}
