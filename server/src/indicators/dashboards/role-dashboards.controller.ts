import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, RoleDashboard } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { RoleDashboardsService } from './role-dashboards.service';

/** The dashboards on the homes of the coordinator and of the roles that work on cases, investigations, proceedings and the hotline. */
@ApiTags('indicators')
@Controller('indicators/dashboards')
export class RoleDashboardsController {
  constructor(private readonly dashboards: RoleDashboardsService) {}

  @Get('coordinator')
  @RequirePermission(PERMISSIONS.indicatorsRead)
  coordinator(@CurrentActor() actor: Actor): Promise<RoleDashboard> {
    return this.dashboards.read(actor, 'coordinator');
  }

  @Get('caseworker')
  @RequirePermission(PERMISSIONS.assistanceManage)
  caseworker(@CurrentActor() actor: Actor): Promise<RoleDashboard> {
    return this.dashboards.read(actor, 'caseworker');
  }

  @Get('investigator')
  @RequirePermission(PERMISSIONS.operationsManage)
  investigator(@CurrentActor() actor: Actor): Promise<RoleDashboard> {
    return this.dashboards.read(actor, 'investigator');
  }

  @Get('prosecutor')
  @RequirePermission(PERMISSIONS.proceedingsManage)
  prosecutor(@CurrentActor() actor: Actor): Promise<RoleDashboard> {
    return this.dashboards.read(actor, 'prosecutor');
  }

  @Get('hotline')
  @RequirePermission(PERMISSIONS.hotlineRead)
  hotline(@CurrentActor() actor: Actor): Promise<RoleDashboard> {
    return this.dashboards.read(actor, 'hotline');
  }
}
