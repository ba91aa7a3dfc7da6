import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OperationListItem, OperationView, CountedPage, PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { CreateOperationDto, LinkOperationTraffickerDto, ListQueryDto } from './dto/operation-requests.dto';
import { OperationsService } from './operations.service';

@ApiTags('prosecutions')
@Controller('operations')
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Post()
  @RequirePermission(PERMISSIONS.operationsManage)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOperationDto): Promise<OperationView> {
    return this.operations.create(actor, dto);
  }

  @Get()
  @RequirePermission(PERMISSIONS.operationsRead)
  list(@CurrentActor() actor: Actor, @Query() query: ListQueryDto): Promise<CountedPage<OperationListItem>> {
    return this.operations.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.operationsRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OperationView> {
    return this.operations.get(actor, id);
  }

  @Post(':id/traffickers')
  @RequirePermission(PERMISSIONS.operationsManage)
  linkTrafficker(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LinkOperationTraffickerDto): Promise<OperationView> {
    return this.operations.linkTrafficker(actor, id, dto);
  }

  @Delete(':id/traffickers/:traffickerId')
  @RequirePermission(PERMISSIONS.operationsManage)
  unlinkTrafficker(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('traffickerId', ParseUUIDPipe) traffickerId: string): Promise<OperationView> {
    return this.operations.unlinkTrafficker(actor, id, traffickerId);
  }
}
