import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, TimelineEntry } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { CaseTimelineService } from './case-timeline.service';

@ApiTags('cases')
@Controller('cases/:code/timeline')
export class CaseTimelineController {
  constructor(private readonly timeline: CaseTimelineService) {}

  @Get()
  @RequirePermission(PERMISSIONS.casesRead)
  list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<TimelineEntry[]> {
    return this.timeline.list(actor, code);
  }
}
