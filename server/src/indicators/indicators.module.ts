import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { InstitutionsModule } from '@ruta/identity';
import { CasesModule } from '@ruta/cases';
import { AssistanceModule } from '@ruta/assistance';
import { ProsecutionsModule } from '@ruta/prosecutions';
import { HotlineStatsRepository, HotlineStatsService } from '@ruta/hotline';
import { CaseSummaryController } from './case-summary/case-summary.controller';
import { CaseSummaryService } from './case-summary/case-summary.service';
import { RoleDashboardsController } from './dashboards/role-dashboards.controller';
import { RoleDashboardsRepository } from './dashboards/role-dashboards.repository';
import { RoleDashboardsService } from './dashboards/role-dashboards.service';
import { AnonymousStatisticsRepository } from './anonymous/anonymous-statistics.repository';
import { AnonymousStatisticsService } from './anonymous/anonymous-statistics.service';
import { caseIndicators } from './definitions/case-indicators';
import { INDICATOR_PROVIDERS } from './definitions/indicator-definition';
import { IndicatorRegistry } from './definitions/indicator-registry';
import { referralIndicators } from './definitions/referral-indicators';
import { ExportJob } from './exports/export.job';
import { ExportJobsRepository } from './exports/export-jobs.repository';
import { ExportsService } from './exports/exports.service';
import { IndicatorFilesService } from './indicator-files.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { IndicatorSnapshotJob } from './snapshots/indicator-snapshot.job';
import { IndicatorSnapshots } from './snapshots/indicator-snapshots';

/**
 * The indicators area: the indicator registry (providers: cases and referrals now; assistance, prosecutions and
 * hotline add theirs to INDICATOR_PROVIDERS), the annual report (screen, XLSX, PDF), the k-anonymous statistics
 * export, list exports with their background job, the case summary PDF, and the role dashboards. The other areas'
 * count services are reused, never re-derived: `AssistanceCountsService` and `JusticeIndicatorsService` come with their
 * modules' exports, the hotline's statistics (`HotlineStatsService`, from its index) are registered here. The whole
 * centre's costly figures (the year's indicators, the coordinator's dashboard) are kept by the indicator snapshot job.
 */
@Module({
  imports: [AuditModule, InstitutionsModule, CasesModule, AssistanceModule, ProsecutionsModule],
  controllers: [IndicatorsController, RoleDashboardsController, CaseSummaryController],
  providers: [
    { provide: INDICATOR_PROVIDERS, useValue: [caseIndicators, referralIndicators] },
    IndicatorRegistry,
    IndicatorsRepository,
    IndicatorsService,
    IndicatorFilesService,
    AnonymousStatisticsRepository,
    AnonymousStatisticsService,
    ExportJobsRepository,
    ExportsService,
    ExportJob,
    CaseSummaryService,
    HotlineStatsRepository,
    HotlineStatsService,
    RoleDashboardsRepository,
    RoleDashboardsService,
    IndicatorSnapshots,
    IndicatorSnapshotJob,
  ],
})
export class IndicatorsModule {}
