import { Injectable } from '@nestjs/common';
import { DEFENDANT_STAGE, DashboardKind, RoleDashboard } from '@ruta/shared';
import { Actor, AuditService, Clock } from '@ruta/platform';
import { JusticeIndicatorsService } from '@ruta/prosecutions';
import { HotlineStatsService } from '@ruta/hotline';
import { AssistanceCountsService } from '@ruta/assistance';
import { COORDINATOR_DASHBOARD_KEY, IndicatorSnapshots } from '../snapshots/indicator-snapshots';
import { RoleDashboardsRepository } from './role-dashboards.repository';

/** A dashboard's figures; `asOf` is added when it is served. */
export type DashboardFigures = Omit<RoleDashboard, 'asOf'>;

/** A calendar date in Bogotá (`YYYY-MM-DD`): the day the centre's users live in, whatever the server's zone. */
export function bogotaDate(at: Date): string {
  return at.toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month `months` before the month of `date`. */
export function monthsBefore(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Bogotá has no daylight saving time: its midnight is 05:00 UTC. */
const bogotaMidnight = (date: string) => new Date(`${date}T05:00:00Z`);

/**
 * The dashboards of the coordinator, the caseworker, the investigator, the prosecutor and the hotline: a few counts and
 * one chart each, over the caller's scope. The justice figures come from the prosecutions area's one definition
 * (`JusticeIndicatorsService`), the hotline's from its statistics (`HotlineStatsService`), victims assisted from the
 * assistance area's (`AssistanceCountsService`); the rest from set-based statements under row-level security. Every read is audited (`indicators`, section `dashboard`).
 */
@Injectable()
export class RoleDashboardsService {
  constructor(
    private readonly repository: RoleDashboardsRepository,
    private readonly justice: JusticeIndicatorsService,
    private readonly hotline: HotlineStatsService,
    private readonly assistance: AssistanceCountsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly snapshots: IndicatorSnapshots,
  ) {}

  /**
   * The coordinator's dashboard comes from the snapshot job's (labelled with its time) when the actor reads the whole
   * centre and the snapshot is fresh and of today; every other read is computed for the request.
   */
  async read(actor: Actor, kind: DashboardKind): Promise<RoleDashboard> {
    const today = bogotaDate(this.clock.now());
    const snapshot = kind === 'coordinator' ? await this.snapshots.fresh<DashboardFigures>(actor, COORDINATOR_DASHBOARD_KEY) : null;
    const served = snapshot && snapshot.periodTo === today ? snapshot : null;
    const dashboard: RoleDashboard = served ? { ...served.data, asOf: served.computedAt.toISOString() } : { ...(await this.build(kind, today)), asOf: null };
    await this.audit.record({
      action: 'read',
      entityType: 'indicators',
      details: { section: 'dashboard', kind, scope: actor.scope, from: dashboard.from, to: dashboard.to, asOf: dashboard.asOf },
    });
    return dashboard;
  }

  /** The coordinator's figures over what the current transaction may see (the snapshot job runs it as the system). */
  coordinatorFigures(today: string): Promise<DashboardFigures> {
    return this.coordinator(today);
  }

  private build(kind: DashboardKind, today: string): Promise<DashboardFigures> {
    switch (kind) {
      case 'coordinator':
        return this.coordinator(today);
      case 'caseworker':
        return this.caseworker(today);
      case 'investigator':
        return this.investigator(today);
      case 'prosecutor':
        return this.prosecutor(today);
      case 'hotline':
        return this.hotlineVolume(today);
    }
  }

  /** The year so far across areas: victims assisted (by service category), convictions, hotline contacts. */
  private async coordinator(today: string): Promise<DashboardFigures> {
    const year = Number(today.slice(0, 4));
    const from = `${year}-01-01`;
    const assisted = await this.assistance.counts({ from, to: today });
    const justice = await this.justice.compute(year);
    const calls = await this.hotline.stats(bogotaMidnight(from), bogotaMidnight(addDays(today, 1)), 'month');
    const phase = (key: string) => assisted.by.phase.find((r) => r.value === key)?.victims ?? 0;
    return {
      kind: 'coordinator',
      from,
      to: today,
      categoryKind: 'service_category',
      categories: assisted.by.category.map((r) => r.value),
      series: [{ key: 'victims_assisted', values: assisted.by.category.map((r) => r.victims) }],
      figures: [
        { key: 'victims_assisted', value: assisted.total },
        { key: 'assisted_immediate', value: phase('immediate') },
        { key: 'assisted_medium_term', value: phase('medium_term') },
        { key: 'convicted', value: justice.convicted },
        { key: 'hotline_contacts', value: calls.total },
      ],
    };
  }

  private async caseworker(today: string): Promise<DashboardFigures> {
    const counts = await this.repository.caseworker(today);
    return {
      kind: 'caseworker',
      from: today,
      to: addDays(today, 6),
      categoryKind: 'day',
      categories: counts.days.map((d) => d.day),
      series: [{ key: 'follow_ups_due', values: counts.days.map((d) => d.n) }],
      figures: [
        { key: 'follow_ups_overdue', value: counts.overdue },
        { key: 'follow_ups_due', value: counts.days[0]?.n ?? 0 },
        { key: 'phase_immediate', value: counts.byStatus['immediate_assistance'] ?? 0 },
        { key: 'phase_medium_term', value: counts.byStatus['medium_term_assistance'] ?? 0 },
        { key: 'phase_follow_up', value: counts.byStatus['follow_up'] ?? 0 },
      ],
    };
  }

  private async investigator(today: string): Promise<DashboardFigures> {
    const from = monthsBefore(today, 11);
    const months = await this.repository.investigator(from, today);
    const sum = (pick: (m: (typeof months)[number]) => number) => months.reduce((total, m) => total + pick(m), 0);
    return {
      kind: 'investigator',
      from,
      to: today,
      categoryKind: 'month',
      categories: months.map((m) => m.month),
      series: [
        { key: 'cases_identified', values: months.map((m) => m.cases) },
        { key: 'operations', values: months.map((m) => m.operations) },
      ],
      figures: [
        { key: 'cases_identified', value: sum((m) => m.cases) },
        { key: 'operations', value: sum((m) => m.operations) },
        { key: 'arrests', value: sum((m) => m.arrests) },
      ],
    };
  }

  private async prosecutor(today: string): Promise<DashboardFigures> {
    const year = Number(today.slice(0, 4));
    const justice = await this.justice.compute(year);
    const byStage = new Map((await this.repository.defendantsByStage()).map((r) => [r.stage, r.n]));
    const stages = DEFENDANT_STAGE.values.filter((s) => byStage.has(s));
    return {
      kind: 'prosecutor',
      from: `${year}-01-01`,
      to: today,
      categoryKind: 'stage',
      categories: stages,
      series: [{ key: 'defendants', values: stages.map((s) => byStage.get(s) ?? 0) }],
      figures: [
        { key: 'investigations_opened', value: justice.investigationsOpened },
        { key: 'charged', value: justice.charged },
        { key: 'accused', value: justice.accused },
        { key: 'convicted', value: justice.convicted },
        { key: 'acquitted', value: justice.acquitted },
      ],
    };
  }

  private async hotlineVolume(today: string): Promise<DashboardFigures> {
    const from = addDays(today, -29);
    const stats = await this.hotline.stats(bogotaMidnight(from), bogotaMidnight(addDays(today, 1)), 'day');
    const perDay = new Map(stats.perPeriod.map((b) => [b.key, b.count]));
    const days = Array.from({ length: 30 }, (_, i) => addDays(from, i));
    const outcome = (key: string) => stats.byOutcome.find((b) => b.key === key)?.count ?? 0;
    return {
      kind: 'hotline',
      from,
      to: today,
      categoryKind: 'day',
      categories: days,
      series: [{ key: 'contacts', values: days.map((d) => perDay.get(d) ?? 0) }],
      figures: [
        { key: 'contacts', value: stats.total },
        { key: 'cases_opened', value: outcome('new_case') + outcome('linked_case') },
        { key: 'tips_sent', value: outcome('tip_sent') },
        { key: 'referrals', value: outcome('referral') },
      ],
    };
  }
}
