import { Inject, Injectable } from '@nestjs/common';
import { PERMISSIONS, Permission, seesEveryCase } from '@ruta/shared';
import { Actor, Clock, RepositoryBase, RUTA_CONFIG, RutaConfig, TransactionRunner } from '@ruta/platform';

/** What the snapshot job keeps: the year's indicators (with the annual report's area rows), the coordinator's dashboard. */
export type SnapshotKey = `indicators:${number}` | 'dashboard:coordinator';

export const yearSnapshotKey = (year: number): SnapshotKey => `indicators:${year}`;
export const COORDINATOR_DASHBOARD_KEY: SnapshotKey = 'dashboard:coordinator';

/**
 * A snapshot holds the whole centre's figures, computed as the system: they equal a live read only for a reader whose
 * row-level security lets every row of every area through (an all-case scope) and who holds the read permission of
 * each area the figures count. Anyone else gets figures computed live, over their own scope.
 */
export const SNAPSHOT_READER_PERMISSIONS: readonly Permission[] = [
  PERMISSIONS.indicatorsRead,
  PERMISSIONS.casesRead,
  PERMISSIONS.referralsRead,
  PERMISSIONS.assistanceRead,
  PERMISSIONS.proceedingsRead,
  PERMISSIONS.hotlineRead,
];

export function readsWholeCentre(actor: Pick<Actor, 'scope' | 'permissions'>): boolean {
  return seesEveryCase(actor.scope) && SNAPSHOT_READER_PERMISSIONS.every((p) => actor.permissions.has(p));
}

export interface Snapshot<T> {
  periodFrom: string;
  periodTo: string;
  data: T;
  computedAt: Date;
}

/**
 * The `indicator_snapshots` table: read in the request's transaction (row-level security shows rows only to all-case
 * scopes with `indicators:read`), written by the job as the system. A snapshot older than twice the job's interval is
 * not served (the job stopped, or falls behind): the caller computes live.
 */
@Injectable()
export class IndicatorSnapshots extends RepositoryBase {
  constructor(
    transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {
    super(transactions);
  }

  /** How long a snapshot is served, in ms; 0 when the job is off (nothing is served). */
  get maxAgeMs(): number {
    return this.config.INDICATOR_SNAPSHOT_SECONDS * 2000;
  }

  /** The snapshot under `key`, when the actor may be served one and it is fresh enough; otherwise null. */
  async fresh<T>(actor: Actor, key: SnapshotKey): Promise<Snapshot<T> | null> {
    if (!this.maxAgeMs || !readsWholeCentre(actor)) return null;
    const rows: { periodFrom: string; periodTo: string; data: T; computedAt: Date }[] = await this.manager.query(
      `SELECT to_char("periodFrom", 'YYYY-MM-DD') AS "periodFrom", to_char("periodTo", 'YYYY-MM-DD') AS "periodTo", data, "computedAt"
       FROM indicator_snapshots WHERE key = $1 AND "computedAt" > $2`,
      [key, new Date(this.clock.now().getTime() - this.maxAgeMs)],
    );
    return rows[0] ?? null;
  }

  /** Stores a snapshot (the job, as the system). */
  async store(key: SnapshotKey, snapshot: Snapshot<unknown>, tookMs: number): Promise<void> {
    await this.manager.query(
      `INSERT INTO indicator_snapshots (key, "periodFrom", "periodTo", data, "computedAt", "tookMs") VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key) DO UPDATE SET "periodFrom" = EXCLUDED."periodFrom", "periodTo" = EXCLUDED."periodTo", data = EXCLUDED.data,
         "computedAt" = EXCLUDED."computedAt", "tookMs" = EXCLUDED."tookMs"`,
      [key, snapshot.periodFrom, snapshot.periodTo, JSON.stringify(snapshot.data), snapshot.computedAt, tookMs],
    );
  }
}
