import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CreateTraffickerResponse, CountedPage, PERMISSIONS, TraffickerListItem, TraffickerView } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { ListQueryDto } from '../operations/dto/operation-requests.dto';
import { CreateTraffickerDto } from './dto/trafficker-requests.dto';
import { TraffickersService } from './traffickers.service';

export class TraffickerListQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
}

@ApiTags('prosecutions')
@Controller('traffickers')
export class TraffickersController {
  constructor(private readonly traffickers: TraffickersService) {}

  @Post()
  @RequirePermission(PERMISSIONS.operationsManage)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTraffickerDto): Promise<CreateTraffickerResponse> {
    return this.traffickers.create(actor, dto);
  }

  @Get()
  @RequirePermission(PERMISSIONS.proceedingsRead)
  list(@CurrentActor() actor: Actor, @Query() query: TraffickerListQueryDto): Promise<CountedPage<TraffickerListItem>> {
    return this.traffickers.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.proceedingsRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TraffickerView> {
    return this.traffickers.get(actor, id);
  }

  @Delete(':id/cases/:code')
  @RequirePermission(PERMISSIONS.operationsManage)
  unlinkCase(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('code') code: string): Promise<TraffickerView> {
    return this.traffickers.unlinkCase(actor, id, code);
  }
}
