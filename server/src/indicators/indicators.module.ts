import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { InstitutionsModule } from '@ruta/identity';
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

/**
 * The indicators area: the indicator registry (providers: cases and referrals now; assistance, prosecutions and
 * hotline add theirs to INDICATOR_PROVIDERS), the annual report (screen, XLSX, PDF), the k-anonymous statistics
 * export, and list exports with their background job.
 */
@Module({
  imports: [AuditModule, InstitutionsModule],
  controllers: [IndicatorsController],
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
  ],
})
export class IndicatorsModule {}
