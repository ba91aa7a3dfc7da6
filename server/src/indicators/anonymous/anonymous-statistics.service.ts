import { Injectable } from '@nestjs/common';
import Papa from 'papaparse';
import { AnonymousStatisticsExport, DEFAULT_K_ANONYMITY, safeCell, STATISTICS_QUASI_IDENTIFIERS } from '@ruta/shared';
import { Actor, AuditService } from '@ruta/platform';
import { AnonymousStatisticsQueryDto } from '../dto/indicator-requests.dto';
import { IndicatorsService } from '../indicators.service';
import { AnonymousStatisticsRepository } from './anonymous-statistics.repository';

/** The anonymous statistics export (CTDC / HTCDS shape), k-anonymous with k = 11 unless the request says otherwise. */
@Injectable()
export class AnonymousStatisticsService {
  constructor(
    private readonly repository: AnonymousStatisticsRepository,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, dto: AnonymousStatisticsQueryDto): Promise<AnonymousStatisticsExport> {
    const query = IndicatorsService.toQuery(dto);
    const k = dto.k ?? DEFAULT_K_ANONYMITY;
    const result = await this.repository.run(query, k);
    await this.audit.record({
      action: 'export',
      entityType: 'indicators',
      details: { section: 'anonymous_statistics', scope: actor.scope, k, eligible: result.eligible, generalised: result.generalised, suppressed: result.suppressed, ...query },
    });
    return { k, quasiIdentifiers: STATISTICS_QUASI_IDENTIFIERS, ...result };
  }

  static toCsv(data: AnonymousStatisticsExport): Buffer {
    const fields = ['yearOfRegistration', 'dataSource', 'gender', 'ageBand', 'majorityStatus', 'citizenship', 'countryOfExploitation', 'meansOfControl', 'typeOfExploitation', 'labourSector', 'recruiterRelation'];
    const rows = data.rows.map((r) =>
      [r.yearOfRegistration, r.dataSource, r.gender, r.ageBand, r.majorityStatus, r.citizenship, r.countryOfExploitation, r.meansOfControl.join(';'), r.typeOfExploitation.join(';'), r.labourSector, r.recruiterRelation].map((c) =>
        safeCell(c),
      ),
    );
    return Buffer.from(`${Papa.unparse({ fields, data: rows }, { newline: '\r\n' })}\r\n`, 'utf8');
  }
}
