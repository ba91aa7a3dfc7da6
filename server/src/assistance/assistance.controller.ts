import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AssistanceAlertView, AssistanceCounts, AssistanceOverview, ClosureInboxPage, ClosureRequestView, MyDay, PERMISSIONS, ServiceProviderView, WorklistPage } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { ClosureService } from './closure/closure.service';
import { DirectoryService } from './directory/directory.service';
import {
  AssistancePlanDto,
  ClosureDecisionDto,
  ClosureRequestDto,
  CountsQueryDto,
  CreateServiceDto,
  ParticipantDto,
  FollowUpDto,
  PageQueryDto,
  PhaseExtensionDto,
  ProviderQueryDto,
  RiskAssessmentDto,
  ServiceProviderDto,
  UpdateServiceDto,
  WorklistQueryDto,
} from './dto/assistance-requests.dto';
import { MyDayService } from './my-day/my-day.service';
import { AssistanceService } from './plans/assistance.service';
import { AssistanceCountsService } from './reporting/assistance-counts.service';

/** One case's assistance: plan, services, risk, follow-ups, phase extensions, closure request. */
@ApiTags('assistance')
@Controller('cases/:code/assistance')
export class CaseAssistanceController {
  constructor(
    private readonly assistance: AssistanceService,
    private readonly closures: ClosureService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.assistanceRead)
  overview(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<AssistanceOverview> {
    return this.assistance.overview(actor, code);
  }

  @Put('plan')
  @RequirePermission(PERMISSIONS.assistanceManage)
  savePlan(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: AssistancePlanDto): Promise<AssistanceOverview> {
    return this.assistance.savePlan(actor, code, dto);
  }

  @Post('participants')
  @RequirePermission(PERMISSIONS.assistanceManage)
  addParticipant(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: ParticipantDto): Promise<AssistanceOverview> {
    return this.assistance.addParticipant(actor, code, dto);
  }

  @Post('services')
  @RequirePermission(PERMISSIONS.assistanceManage)
  addService(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: CreateServiceDto): Promise<AssistanceOverview> {
    return this.assistance.addService(actor, code, dto);
  }

  @Post('risk-assessments')
  @RequirePermission(PERMISSIONS.assistanceManage)
  assessRisk(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: RiskAssessmentDto): Promise<AssistanceOverview> {
    return this.assistance.assessRisk(actor, code, dto);
  }

  @Post('follow-ups')
  @RequirePermission(PERMISSIONS.assistanceManage)
  addFollowUp(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: FollowUpDto): Promise<AssistanceOverview> {
    return this.assistance.addFollowUp(actor, code, dto);
  }

  @Post('extensions')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.assistanceManage)
  extend(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: PhaseExtensionDto): Promise<AssistanceOverview> {
    return this.assistance.extendPhase(actor, code, dto);
  }

  @Post('closure')
  @RequirePermission(PERMISSIONS.assistanceManage)
  requestClosure(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: ClosureRequestDto): Promise<ClosureRequestView> {
    return this.closures.request(actor, code, dto);
  }
}

/** Across cases: services by id, the approval inbox, "my day", alerts, the service directory and the reporting counts. */
@ApiTags('assistance')
@Controller('assistance')
export class AssistanceController {
  constructor(
    private readonly assistance: AssistanceService,
    private readonly closures: ClosureService,
    private readonly myDay: MyDayService,
    private readonly directory: DirectoryService,
    private readonly reporting: AssistanceCountsService,
  ) {}

  @Patch('services/:id')
  @RequirePermission(PERMISSIONS.assistanceManage)
  updateService(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateServiceDto): Promise<AssistanceOverview> {
    return this.assistance.updateService(actor, id, dto);
  }

  @Get('closures')
  @RequirePermission(PERMISSIONS.assistanceApprove)
  closureInbox(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ClosureInboxPage> {
    return this.closures.inbox(actor, query);
  }

  @Post('closures/:id/decision')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.assistanceApprove)
  decide(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ClosureDecisionDto): Promise<ClosureRequestView> {
    return this.closures.decide(actor, id, dto);
  }

  @Get('my-day')
  @RequirePermission(PERMISSIONS.assistanceRead)
  myDayCounts(@CurrentActor() actor: Actor): Promise<MyDay> {
    return this.myDay.counts(actor);
  }

  @Get('worklist')
  @RequirePermission(PERMISSIONS.assistanceRead)
  worklist(@CurrentActor() actor: Actor, @Query() query: WorklistQueryDto): Promise<WorklistPage> {
    return this.myDay.worklist(actor, query.kind, query.limit, query.cursor, query.sort);
  }

  @Get('alerts')
  @RequirePermission(PERMISSIONS.assistanceRead)
  alerts(@CurrentActor() actor: Actor): Promise<AssistanceAlertView[]> {
    return this.myDay.alerts(actor);
  }

  @Post('alerts/:id/read')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.assistanceRead)
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.myDay.markRead(actor, id);
  }

  @Get('providers')
  @RequirePermission(PERMISSIONS.assistanceRead)
  providers(@Query() query: ProviderQueryDto): Promise<ServiceProviderView[]> {
    return this.directory.list(query);
  }

  /** The whole directory, inactive providers too, for the administrators who keep it. */
  @Get('providers/all')
  @RequirePermission(PERMISSIONS.institutionsManage)
  allProviders(): Promise<ServiceProviderView[]> {
    return this.directory.all();
  }

  @Post('providers')
  @RequirePermission(PERMISSIONS.institutionsManage)
  createProvider(@Body() dto: ServiceProviderDto): Promise<ServiceProviderView> {
    return this.directory.create(dto);
  }

  @Put('providers/:id')
  @RequirePermission(PERMISSIONS.institutionsManage)
  updateProvider(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ServiceProviderDto): Promise<ServiceProviderView> {
    return this.directory.update(id, dto);
  }

  @Get('counts')
  @RequirePermission(PERMISSIONS.indicatorsRead)
  counts(@Query() query: CountsQueryDto): Promise<AssistanceCounts> {
    return this.reporting.counts(query);
  }
}
