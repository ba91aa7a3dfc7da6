import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { errorFacts } from '../logging/error-facts';

/**
 * The timer of a background job that every instance runs: ticks every `everyMs` (and once at start-up when asked),
 * never two runs of one job at once in an instance (a tick that finds a run in progress is skipped), a failure logged
 * by its facts only (`errorFacts`: an error message can echo a row's values), and a stop that waits for the run in
 * progress, so that shutdown does not close the connection pools under it. The timer does not keep the process
 * alive. That only one instance does a run is the job's own work, under `runUnderJobLock`.
 */
export class JobTimer {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly logger: Logger,
    /** How a failure reads in the log: "<what> failed: <facts>". */
    private readonly what: string,
  ) {}

  start(everyMs: number, run: () => Promise<unknown>, options: { atStart?: boolean } = {}): void {
    this.stopTicking();
    const tick = () => {
      if (this.running || !this.timer) return;
      this.running = run()
        .catch((error: unknown) => this.logger.warn(`${this.what} failed: ${errorFacts(error)}`))
        .finally(() => (this.running = null));
    };
    if (options.atStart) setImmediate(tick);
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }

  /** Stops ticking; resolves once the run in progress, if any, has finished (a failure was already logged). */
  async stop(): Promise<void> {
    this.stopTicking();
    await this.running;
  }

  private stopTicking(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * One run of a job that only one instance may do at a time: `work` in one system transaction that first takes the
 * transaction-level advisory lock `key` without waiting (`pg_try_advisory_xact_lock`, released at commit or rollback).
 * `null` when another instance holds it: that instance is doing this run. `statementTimeoutMs`: see `runAsSystem`.
 */
export function runUnderJobLock<T>(
  transactions: TransactionRunner,
  key: number,
  work: (manager: EntityManager) => Promise<T>,
  options: { statementTimeoutMs?: number } = {},
): Promise<T | null> {
  return transactions.runAsSystem(async (manager) => {
    const [{ locked }]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [key]);
    return locked ? work(manager) : null;
  }, options);
}
