import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, JobTimer, RUTA_CONFIG, RutaConfig, runUnderJobLock, TransactionRunner } from '@ruta/platform';
import { bogotaDate, RoleDashboardsService } from '../dashboards/role-dashboards.service';
import { IndicatorsService } from '../indicators.service';
import { COORDINATOR_DASHBOARD_KEY, IndicatorSnapshots, SnapshotKey, yearSnapshotKey } from './indicator-snapshots';

/** The key of the transaction-level advisory lock that lets one instance at a time compute the snapshots. */
export const INDICATOR_SNAPSHOT_LOCK = 718_090_021;

export interface SnapshotRun {
  /** False when another instance held the lock: it is doing this run. */
  ran: boolean;
  keys: SnapshotKey[];
}

/**
 * Keeps the whole centre's figures that are too costly to count per request at 1,000,000 cases (issue 15): this year's
 * and last year's indicators with the annual report's area rows, and the coordinator's year-so-far dashboard. Every
 * instance tries at start-up and then every `INDICATOR_SNAPSHOT_SECONDS`; the run is one system transaction under
 * `pg_try_advisory_xact_lock`, so one instance computes while the others skip. Each figure comes from the same
 * definitions a live read runs (the registry, the areas' count services), only as the system: readers are served the
 * snapshot, labelled with its time, when their scope would see every row anyway (`readsWholeCentre`). A run already
 * going in this instance is joined, not doubled.
 */
@Injectable()
export class IndicatorSnapshotJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly timer = new JobTimer(new Logger(IndicatorSnapshotJob.name), 'Indicator snapshot job');
  private running: Promise<SnapshotRun> | null = null;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly snapshots: IndicatorSnapshots,
    private readonly indicators: IndicatorsService,
    private readonly dashboards: RoleDashboardsService,
    private readonly clock: Clock,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.INDICATOR_SNAPSHOT_SECONDS;
    if (seconds > 0) this.timer.start(seconds * 1000, () => this.runOnce(), { atStart: true });
  }

  /** Stops the timer; a run in progress finishes (its work is one transaction) before the connection pools close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.timer.stop();
    await this.running?.catch(() => undefined);
  }

  runOnce(): Promise<SnapshotRun> {
    this.running ??= this.compute().finally(() => (this.running = null));
    return this.running;
  }

  private async compute(): Promise<SnapshotRun> {
    // A run is a handful of whole-centre aggregates: at 1,000,000 cases, under a full load, one statement can outlast
    // a request's timeout. It may take as long as the interval (the snapshot it replaces stays served for two).
    const statementTimeoutMs = Math.max(this.config.DATABASE_STATEMENT_TIMEOUT_MS, this.config.INDICATOR_SNAPSHOT_SECONDS * 1000);
    const run = await runUnderJobLock(this.transactions, INDICATOR_SNAPSHOT_LOCK, async () => {
      const today = bogotaDate(this.clock.now());
      const year = Number(today.slice(0, 4));
      const keys: SnapshotKey[] = [];
      /** Computes and stores one snapshot, stamped with the time its computation started. */
      const keep = async (key: SnapshotKey, figures: () => Promise<{ periodFrom: string; periodTo: string; data: unknown }>) => {
        const started = Date.now();
        const computedAt = this.clock.now();
        await this.snapshots.store(key, { ...(await figures()), computedAt }, Date.now() - started);
        keys.push(key);
      };
      for (const y of [year, year - 1]) {
        await keep(yearSnapshotKey(y), async () => ({ periodFrom: `${y}-01-01`, periodTo: `${y}-12-31`, data: await this.indicators.yearFigures(y) }));
      }
      await keep(COORDINATOR_DASHBOARD_KEY, async () => {
        const dashboard = await this.dashboards.coordinatorFigures(today);
        return { periodFrom: dashboard.from, periodTo: dashboard.to, data: dashboard };
      });
      return { ran: true, keys };
    }, { statementTimeoutMs });
    return run ?? { ran: false, keys: [] };
  }
}
