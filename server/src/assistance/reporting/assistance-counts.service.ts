import { Injectable } from '@nestjs/common';
import { ASSISTANCE_COUNT_DIMENSIONS, AssistanceCountDimension, AssistanceCountRow, AssistanceCounts } from '@ruta/shared';
import { AuditService, ValidationFailedError } from '@ruta/platform';
import { AssistanceRepository } from '../assistance.repository';

/**
 * The one definition of "victims assisted" for reporting (TIP report, GLOTIP, the indicators area): distinct cases with
 * a service delivered in the period, or in progress and started by its end; counted by phase and service category (of
 * those services), and by the victim's sex, age band, nationality and purpose of exploitation. One statement, set-based,
 * in SQL (`ruta_assistance_counts()`, migration 1764404300000): aggregates only, past row-level security, for
 * `indicators:read`; limited to an institution when one is given. Runs in the caller's transaction (the indicators
 * area calls it too).
 */
@Injectable()
export class AssistanceCountsService {
  constructor(
    private readonly repo: AssistanceRepository,
    private readonly audit: AuditService,
  ) {}

  async counts(period: { from: string; to: string; institutionId?: string }): Promise<AssistanceCounts> {
    if (period.to < period.from) throw new ValidationFailedError([{ field: 'to', code: 'before_from', message: 'to cannot be before from' }]);
    const rows: { dimension: AssistanceCountDimension | 'total'; value: string; victims: number }[] = await this.repo.counts(period.from, period.to, period.institutionId ?? null);
    const by = Object.fromEntries(ASSISTANCE_COUNT_DIMENSIONS.map((d) => [d, [] as AssistanceCountRow[]])) as Record<AssistanceCountDimension, AssistanceCountRow[]>;
    let total = 0;
    for (const row of rows) {
      if (row.dimension === 'total') total = row.victims;
      else by[row.dimension].push({ value: row.value, victims: row.victims });
    }
    for (const list of Object.values(by)) list.sort((a, b) => b.victims - a.victims || a.value.localeCompare(b.value));
    await this.audit.record({ action: 'read', entityType: 'case_stats', details: { section: 'assistance_counts', from: period.from, to: period.to } });
    return { from: period.from, to: period.to, total, by };
  }
}
