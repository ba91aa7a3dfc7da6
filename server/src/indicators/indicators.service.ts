import { Injectable } from '@nestjs/common';
import { AnnualReport, AnnualReportRow, IndicatorQuery, IndicatorsView, IndicatorValue } from '@ruta/shared';
import { Actor, AuditService, NotFoundError, ValidationFailedError } from '@ruta/platform';
import { institutionRef, InstitutionsRepository } from '@ruta/identity';
import { IndicatorRegistry } from './definitions/indicator-registry';
import { IndicatorQueryDto } from './dto/indicator-requests.dto';
import { IndicatorsRepository } from './indicators.repository';

/** The indicators of a period for an institution and a department, each from its one definition. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly registry: IndicatorRegistry,
    private readonly repository: IndicatorsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly audit: AuditService,
  ) {}

  /** A year, or a period (from/to), defaulting to the current year. */
  static toQuery(dto: IndicatorQueryDto, now = new Date()): IndicatorQuery {
    const year = dto.year ?? now.getUTCFullYear();
    const query: IndicatorQuery = { from: dto.from ?? `${year}-01-01`, to: dto.to ?? `${year}-12-31` };
    if (query.from > query.to) throw new ValidationFailedError([{ field: 'to', code: 'range', message: 'to must not be before from' }]);
    if (dto.institutionId) query.institutionId = dto.institutionId;
    if (dto.departmentCode) query.departmentCode = dto.departmentCode;
    return query;
  }

  async view(actor: Actor, dto: IndicatorQueryDto): Promise<IndicatorsView> {
    const query = IndicatorsService.toQuery(dto);
    const institution = query.institutionId ? await this.institutions.findById(query.institutionId) : null;
    if (query.institutionId && !institution) throw new NotFoundError('institution');
    const indicators = await this.compute(query);
    await this.audit.record({ action: 'read', entityType: 'indicators', details: { section: 'indicators', scope: actor.scope, ...query } });
    return { query, institution: institution ? institutionRef(institution) : null, indicators };
  }

  async annualReport(actor: Actor, year: number): Promise<AnnualReport> {
    const indicators = await this.compute({ from: `${year}-01-01`, to: `${year}-12-31` });
    const rows: AnnualReportRow[] = [];
    for (const indicator of indicators) {
      const section = indicator.key.startsWith('referrals_') ? 'referrals' : 'protection';
      rows.push({ section, key: indicator.key, dimension: null, bucket: null, value: indicator.value });
      for (const b of indicator.buckets) rows.push({ section, key: indicator.key, dimension: indicator.dimension, bucket: b.bucket, value: b.value });
    }
    await this.audit.record({ action: 'read', entityType: 'indicators', details: { section: 'annual_report', scope: actor.scope, year } });
    return { year, rows };
  }

  /** Statements run one after the other in the request transaction: one snapshot of row-level security. */
  private async compute(query: IndicatorQuery): Promise<IndicatorValue[]> {
    const values: IndicatorValue[] = [];
    for (const definition of this.registry.all()) {
      const rows = await this.repository.run(definition, query);
      const total = rows.find((r) => r.bucket === 'total');
      const buckets = definition.dimension
        ? rows.filter((r) => r.bucket !== 'total').map((r) => ({ bucket: r.bucket, value: r.value ?? 0 })).sort((a, b) => b.value - a.value || a.bucket.localeCompare(b.bucket))
        : [];
      values.push({ key: definition.key, value: total?.value ?? null, dimension: definition.dimension, buckets });
    }
    return values;
  }
}
