import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseProceedingSummary, CaseProsecutionsView, CountedPage, PERMISSIONS, ProceedingListItem, ProceedingView } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { DefendantsService } from './defendants.service';
import { AddDefendantDto, CreateAppealDto, CreateHearingDto, CreateProceedingDto, MoveDefendantDto, ProceedingListQueryDto, UpdateAppealDto } from './dto/proceeding-requests.dto';
import { ProceedingsService } from './proceedings.service';

@ApiTags('prosecutions')
@Controller('proceedings')
export class ProceedingsController {
  constructor(
    private readonly proceedings: ProceedingsService,
    private readonly defendants: DefendantsService,
  ) {}

  @Post()
  @RequirePermission(PERMISSIONS.proceedingsManage)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProceedingDto): Promise<ProceedingView> {
    return this.proceedings.create(actor, dto);
  }

  @Get()
  @RequirePermission(PERMISSIONS.proceedingsRead)
  list(@CurrentActor() actor: Actor, @Query() query: ProceedingListQueryDto): Promise<CountedPage<ProceedingListItem>> {
    return this.proceedings.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.proceedingsRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProceedingView> {
    return this.proceedings.get(actor, id);
  }

  @Post(':id/defendants')
  @RequirePermission(PERMISSIONS.proceedingsManage)
  addDefendant(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddDefendantDto): Promise<ProceedingView> {
    return this.defendants.add(actor, id, dto);
  }

  @Post(':id/defendants/:defendantId/transitions')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.proceedingsManage)
  move(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('defendantId', ParseUUIDPipe) defendantId: string, @Body() dto: MoveDefendantDto): Promise<ProceedingView> {
    return this.defendants.move(actor, id, defendantId, dto);
  }

  @Post(':id/hearings')
  @RequirePermission(PERMISSIONS.proceedingsManage)
  addHearing(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateHearingDto): Promise<ProceedingView> {
    return this.defendants.addHearing(actor, id, dto);
  }

  @Post(':id/appeals')
  @RequirePermission(PERMISSIONS.proceedingsManage)
  addAppeal(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateAppealDto): Promise<ProceedingView> {
    return this.defendants.addAppeal(actor, id, dto);
  }

  @Patch(':id/appeals/:appealId')
  @RequirePermission(PERMISSIONS.proceedingsManage)
  updateAppeal(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('appealId', ParseUUIDPipe) appealId: string, @Body() dto: UpdateAppealDto): Promise<ProceedingView> {
    return this.defendants.updateAppeal(actor, id, appealId, dto);
  }
}

/** A case's prosecution records (investigators, prosecutors) and the stage summary (anyone who reaches the case). */
@ApiTags('prosecutions')
@Controller('cases/:code')
export class CaseProceedingsController {
  constructor(private readonly proceedings: ProceedingsService) {}

  @Get('proceedings')
  @RequirePermission(PERMISSIONS.proceedingsRead)
  ofCase(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<CaseProsecutionsView> {
    return this.proceedings.ofCase(actor, code);
  }

  @Get('proceedings-summary')
  @RequirePermission(PERMISSIONS.casesRead)
  summary(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<CaseProceedingSummary[]> {
    return this.proceedings.summaryOfCase(actor, code);
  }
}
