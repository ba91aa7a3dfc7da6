import { Injectable } from '@nestjs/common';
import { AnnualReport, AnnualReportRow, AreaFigureKey, IndicatorQuery, IndicatorsView, IndicatorValue } from '@ruta/shared';
import { Actor, AuditService, NotFoundError, ValidationFailedError } from '@ruta/platform';
import { institutionRef, InstitutionsRepository } from '@ruta/identity';
import { AssistanceCountsService } from '@ruta/assistance';
import { JusticeIndicatorsService } from '@ruta/prosecutions';
import { HotlineStatsService } from '@ruta/hotline';
import { IndicatorRegistry } from './definitions/indicator-registry';
import { IndicatorQueryDto } from './dto/indicator-requests.dto';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorSnapshots, yearSnapshotKey } from './snapshots/indicator-snapshots';

/** A year's figures of the whole centre, as the snapshot job keeps them: the registry's indicators and the areas' rows. */
export interface YearFigures {
  indicators: IndicatorValue[];
  areaRows: AnnualReportRow[];
}

/** The calendar year a query covers exactly, with no institution or department filter; otherwise null. */
export function wholeYearOf(query: IndicatorQuery): number | null {
  const year = Number(query.from.slice(0, 4));
  return !query.institutionId && !query.departmentCode && query.from === `${year}-01-01` && query.to === `${year}-12-31` ? year : null;
}

/** The indicators of a period for an institution and a department, each from its one definition. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly registry: IndicatorRegistry,
    private readonly repository: IndicatorsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly audit: AuditService,
    private readonly assistance: AssistanceCountsService,
    private readonly justice: JusticeIndicatorsService,
    private readonly hotline: HotlineStatsService,
    private readonly snapshots: IndicatorSnapshots,
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
    const year = wholeYearOf(query);
    const snapshot = year === null ? null : await this.snapshots.fresh<YearFigures>(actor, yearSnapshotKey(year));
    const indicators = snapshot ? snapshot.data.indicators : await this.compute(query);
    const asOf = snapshot ? snapshot.computedAt.toISOString() : null;
    await this.audit.record({ action: 'read', entityType: 'indicators', details: { section: 'indicators', scope: actor.scope, ...query, asOf } });
    return { query, institution: institution ? institutionRef(institution) : null, indicators, asOf };
  }

  /** The annual report: from the year's snapshot when the actor reads the whole centre and it is fresh, else live. */
  async annualReport(actor: Actor, year: number): Promise<AnnualReport> {
    const snapshot = await this.snapshots.fresh<YearFigures>(actor, yearSnapshotKey(year));
    const { indicators, areaRows } = snapshot ? snapshot.data : await this.yearFigures(year);
    const asOf = snapshot ? snapshot.computedAt.toISOString() : null;
    const rows: AnnualReportRow[] = [];
    for (const indicator of indicators) {
      const section = indicator.key.startsWith('referrals_') ? 'referrals' : 'protection';
      rows.push({ section, key: indicator.key, dimension: null, bucket: null, value: indicator.value });
      for (const b of indicator.buckets) rows.push({ section, key: indicator.key, dimension: indicator.dimension, bucket: b.bucket, value: b.value });
    }
    rows.push(...areaRows);
    await this.audit.record({ action: 'read', entityType: 'indicators', details: { section: 'annual_report', scope: actor.scope, year, asOf } });
    return { year, rows, asOf };
  }

  /** A year's figures over what the current transaction may see (the snapshot job runs it as the system). */
  async yearFigures(year: number): Promise<YearFigures> {
    return { indicators: await this.compute({ from: `${year}-01-01`, to: `${year}-12-31` }), areaRows: await this.areaRows(year) };
  }

  /**
   * The year's figures of the other areas, each from that area's own definition (never derived again here): victims
   * assisted by phase and type of service, the justice indicators, the hotline's contacts and what they became. The
   * hotline's year is Bogotá's (contacts carry a timestamp; the year starts at 00:00 in Bogotá, 05:00 UTC).
   */
  private async areaRows(year: number): Promise<AnnualReportRow[]> {
    const figure = (section: AnnualReportRow['section'], key: AreaFigureKey, value: number | null): AnnualReportRow => ({ section, key, dimension: null, bucket: null, value });
    const assisted = await this.assistance.counts({ from: `${year}-01-01`, to: `${year}-12-31` });
    const phase = (key: string) => assisted.by.phase.find((r) => r.value === key)?.victims ?? 0;
    const justice = await this.justice.compute(year);
    const calls = await this.hotline.stats(new Date(`${year}-01-01T05:00:00Z`), new Date(`${year + 1}-01-01T05:00:00Z`), 'month');
    return [
      figure('assistance', 'victims_assisted', assisted.total),
      figure('assistance', 'assisted_immediate', phase('immediate')),
      figure('assistance', 'assisted_medium_term', phase('medium_term')),
      figure('assistance', 'assisted_by_service', assisted.total),
      ...assisted.by.category.map((r): AnnualReportRow => ({ section: 'assistance', key: 'assisted_by_service', dimension: 'service_category', bucket: r.value, value: r.victims })),
      figure('justice', 'investigations_opened', justice.investigationsOpened),
      figure('justice', 'persons_charged', justice.charged),
      figure('justice', 'persons_accused', justice.accused),
      figure('justice', 'persons_convicted', justice.convicted),
      figure('justice', 'persons_acquitted', justice.acquitted),
      figure('justice', 'victims_in_proceedings', justice.victimsInvolved),
      figure('justice', 'average_months_to_sentence', justice.averageMonthsToSentence),
      figure('justice', 'average_sentence_months', justice.sentenceMonths.average),
      figure('hotline', 'hotline_contacts', calls.total),
      figure('hotline', 'hotline_tips', calls.conversion.tips),
      figure('hotline', 'hotline_referrals', calls.conversion.referrals),
      figure('hotline', 'hotline_cases', calls.conversion.cases),
    ];
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
