import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseAssignmentView, CaseDetailView, CaseSearchPage, CaseStatsView, PERMISSIONS } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { CaseAssignmentsService } from './case-assignments.service';
import { CaseDetailsService } from './case-details.service';
import { CaseEditsService } from './case-edits.service';
import { CaseSearchService } from './case-search.service';
import { CaseStatsService } from './case-stats.service';
import { CaseStatusService } from './case-status.service';
import { CaseAssignDto, CaseSearchDto, CaseTransitionDto, UpdateCaseDto, UpdateVictimDto } from './dto/case-requests.dto';
import { VictimIdentityService } from './victim-identity.service';

/** Cases by pseudonymous code. Intake (POST /cases) and duplicates live in case-intake. */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly searches: CaseSearchService,
    private readonly details: CaseDetailsService,
    private readonly edits: CaseEditsService,
    private readonly victims: VictimIdentityService,
    private readonly statuses: CaseStatusService,
    private readonly assignments: CaseAssignmentsService,
    private readonly stats: CaseStatsService,
  ) {}

  /** Filters travel in the body so that names and document numbers never reach URLs or logs. */
  @Post('search')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.casesRead)
  search(@CurrentActor() actor: Actor, @Body() dto: CaseSearchDto): Promise<CaseSearchPage> {
    return this.searches.find(actor, dto);
  }

  /** Declared before `:code`, which would otherwise take "stats" for a case code. */
  @Get('stats')
  @RequirePermission(PERMISSIONS.casesRead)
  getStats(@CurrentActor() actor: Actor): Promise<CaseStatsView> {
    return this.stats.get(actor);
  }

  @Get(':code')
  @RequirePermission(PERMISSIONS.casesRead)
  get(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<CaseDetailView> {
    return this.details.get(actor, code);
  }

  @Patch(':code')
  @RequirePermission(PERMISSIONS.casesUpdate)
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateCaseDto): Promise<CaseDetailView> {
    return this.edits.update(actor, code, dto);
  }

  @Patch(':code/victim')
  @RequirePermission(PERMISSIONS.victimIdentityUpdate)
  updateVictim(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateVictimDto): Promise<CaseDetailView> {
    return this.victims.update(actor, code, dto);
  }

  @Post(':code/transitions')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.casesTransition)
  transition(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: CaseTransitionDto): Promise<CaseDetailView> {
    return this.statuses.transition(actor, code, dto);
  }

  @Post(':code/assignments')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.casesAssign)
  assign(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: CaseAssignDto): Promise<CaseAssignmentView[]> {
    return this.assignments.assign(actor, code, dto.userId);
  }

  @Delete(':code/assignments/:userId')
  @RequirePermission(PERMISSIONS.casesAssign)
  unassign(@CurrentActor() actor: Actor, @Param('code') code: string, @Param('userId', ParseUUIDPipe) userId: string): Promise<CaseAssignmentView[]> {
    return this.assignments.unassign(actor, code, userId);
  }
}
