import { Injectable } from '@nestjs/common';
import { JusticeIndicators } from '@ruta/shared';
import { Actor, AuditService } from '@ruta/platform';
import { JusticeIndicatorsRepository } from './justice-indicators.repository';

/** The period of a year, or of one of its quarters, as [from, to) dates. */
export function indicatorPeriod(year: number, quarter?: number | null): { from: string; to: string } {
  const startMonth = quarter ? (quarter - 1) * 3 : 0;
  const endMonth = quarter ? startMonth + 3 : 12;
  const date = (y: number, m: number) => `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  return { from: date(year, startMonth), to: date(year, endMonth) };
}

/**
 * Justice indicators per year and quarter (US TIP report, UNODC questionnaire). Exported by the area's index so the
 * indicators area reuses this one definition (`compute`) rather than counting again.
 */
@Injectable()
export class JusticeIndicatorsService {
  constructor(
    private readonly indicators: JusticeIndicatorsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The numbers, over what the current request may see; no audit event (callers record their own read). */
  async compute(year: number, quarter?: number | null): Promise<JusticeIndicators> {
    const { from, to } = indicatorPeriod(year, quarter);
    const [totals, rows] = [await this.indicators.totals(from, to), await this.indicators.breakdown(from, to)];
    const all = rows.find((r) => !r.bySex && !r.byNationality);
    const strip = ({ key, charged, accused, convicted, acquitted }: (typeof rows)[number]) => ({ key, charged, accused, convicted, acquitted });
    return {
      year,
      quarter: quarter ?? null,
      investigationsOpened: totals.investigationsOpened,
      charged: all?.charged ?? 0,
      accused: all?.accused ?? 0,
      convicted: all?.convicted ?? 0,
      acquitted: all?.acquitted ?? 0,
      victimsInvolved: totals.victimsInvolved,
      averageMonthsToSentence: totals.averageMonthsToSentence,
      sentenceMonths: { count: totals.sentences, min: totals.minMonths, average: totals.averageMonths, max: totals.maxMonths },
      bySex: rows.filter((r) => r.bySex).map(strip),
      byNationality: rows.filter((r) => r.byNationality).map(strip),
    };
  }

  async read(actor: Actor, year: number, quarter?: number | null): Promise<JusticeIndicators> {
    const result = await this.compute(year, quarter);
    await this.audit.record({ action: 'read', entityType: 'prosecution_indicators', details: { year, quarter: quarter ?? null, scope: actor.scope } });
    return result;
  }
}
