import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { LinkGraph, PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { LinkGraphService } from './link-graph.service';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export class LinkGraphQueryDto {
  @ApiProperty({ example: 'proceeding:2f0c…' })
  @Matches(new RegExp(`^(case:RT-\\d{4}-\\d{6}|(operation|proceeding|trafficker):${UUID})$`, 'i'), { message: 'node must be case:<code> or operation|proceeding|trafficker:<id>' })
  node!: string;
}

@ApiTags('prosecutions')
@Controller('link-graph')
export class LinkGraphController {
  constructor(private readonly graph: LinkGraphService) {}

  @Get()
  @RequirePermission(PERMISSIONS.proceedingsRead)
  around(@CurrentActor() actor: Actor, @Query() query: LinkGraphQueryDto): Promise<LinkGraph> {
    return this.graph.around(actor, query.node);
  }
}
