import { Injectable, StreamableFile } from '@nestjs/common';
import { AnnualReport, AnonymousStatisticsExport } from '@ruta/shared';
import { Actor } from '@ruta/platform';
import { AnonymousStatisticsService } from './anonymous/anonymous-statistics.service';
import { annualReportPdf, annualReportXlsx } from './annual-report.files';
import { AnnualReportQueryDto, AnonymousStatisticsQueryDto } from './dto/indicator-requests.dto';
import { ExportsService } from './exports/exports.service';
import { IndicatorsService } from './indicators.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function attachment(content: Buffer, type: string, fileName: string): StreamableFile {
  return new StreamableFile(content, { type, disposition: `attachment; filename="${fileName}"`, length: content.length });
}

/** The file forms of the area's answers: the annual report as XLSX or PDF, the statistics as CSV, export downloads. */
@Injectable()
export class IndicatorFilesService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly anonymous: AnonymousStatisticsService,
    private readonly exports: ExportsService,
  ) {}

  async annualReport(actor: Actor, query: AnnualReportQueryDto): Promise<AnnualReport | StreamableFile> {
    const report = await this.indicators.annualReport(actor, query.year);
    const language = query.language ?? 'es';
    const name = `${language === 'es' ? 'informe-anual' : 'annual-report'}-${query.year}`;
    if (query.format === 'xlsx') return attachment(await annualReportXlsx(report, language), XLSX, `${name}.xlsx`);
    if (query.format === 'pdf') return attachment(await annualReportPdf(report, language), 'application/pdf', `${name}.pdf`);
    return report;
  }

  async anonymousStatistics(actor: Actor, query: AnonymousStatisticsQueryDto): Promise<AnonymousStatisticsExport | StreamableFile> {
    const data = await this.anonymous.export(actor, query);
    if (query.format === 'csv') return attachment(AnonymousStatisticsService.toCsv(data), 'text/csv; charset=utf-8', `ruta-estadisticas-anonimas-k${data.k}.csv`);
    return data;
  }

  async exportFile(actor: Actor, id: string): Promise<StreamableFile> {
    const file = await this.exports.download(actor, id);
    return attachment(file.content, file.contentType, file.fileName);
  }
}
