import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnnualReport, AnonymousStatisticsExport, ExportJobView, IndicatorsView, PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { AnonymousStatisticsService } from './anonymous/anonymous-statistics.service';
import { AnnualReportQueryDto, AnonymousStatisticsQueryDto, CreateExportDto, IndicatorQueryDto } from './dto/indicator-requests.dto';
import { ExportsService } from './exports/exports.service';
import { IndicatorFilesService } from './indicator-files.service';
import { IndicatorsService } from './indicators.service';

/** Indicators, the annual report and the anonymous statistics (coordinators), and list exports (whoever sees the list). */
@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly files: IndicatorFilesService,
    private readonly anonymous: AnonymousStatisticsService,
    private readonly exports: ExportsService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.indicatorsRead)
  view(@CurrentActor() actor: Actor, @Query() query: IndicatorQueryDto): Promise<IndicatorsView> {
    return this.indicators.view(actor, query);
  }

  @Get('annual-report')
  @RequirePermission(PERMISSIONS.indicatorsRead)
  annualReport(@CurrentActor() actor: Actor, @Query() query: AnnualReportQueryDto): Promise<AnnualReport | StreamableFile> {
    return this.files.annualReport(actor, query);
  }

  @Get('anonymous-statistics')
  @RequirePermission(PERMISSIONS.indicatorsRead)
  anonymousStatistics(@CurrentActor() actor: Actor, @Query() query: AnonymousStatisticsQueryDto): Promise<AnonymousStatisticsExport | StreamableFile> {
    return this.files.anonymousStatistics(actor, query);
  }

  @Post('exports')
  @RequirePermission(PERMISSIONS.casesRead)
  createExport(@CurrentActor() actor: Actor, @Body() dto: CreateExportDto): Promise<ExportJobView> {
    return this.exports.create(actor, dto);
  }

  @Get('exports')
  @RequirePermission(PERMISSIONS.casesRead)
  listExports(@CurrentActor() actor: Actor): Promise<ExportJobView[]> {
    return this.exports.list(actor);
  }

  @Get('exports/:id')
  @RequirePermission(PERMISSIONS.casesRead)
  getExport(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ExportJobView> {
    return this.exports.get(actor, id);
  }

  @Get('exports/:id/file')
  @RequirePermission(PERMISSIONS.casesRead)
  downloadExport(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return this.files.exportFile(actor, id);
  }
}
