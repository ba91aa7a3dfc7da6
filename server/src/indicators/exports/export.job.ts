import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, JobTimer, runUnderJobLock, RUTA_CONFIG, RutaConfig, TransactionRunner } from '@ruta/platform';
import { exportCells, exportHeaders, ExportFileWriter } from './export-file';
import { ClaimedExport, ExportJobsRepository } from './export-jobs.repository';
import { exportFileName, ExportsService } from './exports.service';

/** The key of the transaction-level advisory lock that lets one instance at a time claim export jobs. */
export const EXPORT_JOB_LOCK = 718_090_013;
const CHUNK = 2_000;
const EVERY_SECONDS = 5;
/** A running job whose worker has not renewed its lease for this long is taken as crashed. */
export const EXPORT_LEASE_MS = 10 * 60_000;
/** Claims before a job that keeps crashing its worker is failed. */
export const EXPORT_MAX_ATTEMPTS = 3;

/** Raised when a worker finds its lease taken over: it stops without touching the job. */
class LeaseLost extends Error {}

/**
 * Builds the queued large exports. Every instance tries on a timer (and once at start-up); claiming runs under
 * `pg_try_advisory_xact_lock` and takes a job with `FOR UPDATE SKIP LOCKED`, so two instances never build the same one.
 * In the same locked transaction, jobs whose lease ran out (a server died mid-run) are queued again, or failed after
 * their last attempt. The cases are read in chunks as the system, only among the ids fixed in the job; progress and the
 * lease commit after each chunk, fenced by the attempt. Expired files are dropped. The clock is injected (tests move it).
 */
@Injectable()
export class ExportJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ExportJob.name);
  private readonly timer = new JobTimer(this.logger, 'Export job');
  private running = false;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: ExportJobsRepository,
    private readonly exports: ExportsService,
    private readonly clock: Clock,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.RUTA_EXPORT_JOB !== 'off') this.timer.start(EVERY_SECONDS * 1000, () => this.runOnce(), { atStart: true });
  }

  /** Stops the timer; an export being built finishes before the connection pools close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  /** Builds at most one queued export; answers its id, or null when there was none (or another instance held the lock). */
  async runOnce(now: Date = this.clock.now()): Promise<string | null> {
    if (this.running) return null;
    this.running = true;
    try {
      const job = await runUnderJobLock(this.transactions, EXPORT_JOB_LOCK, async (manager) => {
        await this.jobs.purgeExpired(manager, now);
        const recovered = await this.jobs.recoverStale(manager, new Date(now.getTime() - EXPORT_LEASE_MS), EXPORT_MAX_ATTEMPTS);
        if (recovered.requeued || recovered.failed) this.logger.warn(`Export jobs left running by a stopped worker: ${recovered.requeued} queued again, ${recovered.failed} failed`);
        return this.jobs.claim(manager, now);
      });
      if (!job) return null;
      try {
        await this.build(job);
      } catch (error) {
        if (error instanceof LeaseLost) return null;
        await this.transactions.runAsSystem((manager) => this.jobs.fail(manager, job));
        throw error;
      }
      return job.id;
    } finally {
      this.running = false;
    }
  }

  private async build(job: ClaimedExport): Promise<void> {
    // Chunk by chunk into the file: memory holds one chunk's rows and the file's bytes, whatever the export's size.
    const file = new ExportFileWriter(job.format, exportHeaders(job.identified, job.language));
    for (let offset = 0; offset < job.total; offset += CHUNK) {
      const rows = await this.transactions.runAsSystem((manager) => this.jobs.chunk(manager, job.id, job.identified, offset, CHUNK));
      file.add(rows.map((row) => exportCells(row, job.identified, job.language)));
      const kept = await this.transactions.runAsSystem((manager) => this.jobs.progress(manager, job, Math.min(job.total, offset + CHUNK), this.clock.now()));
      if (!kept) throw new LeaseLost();
    }
    const content = await file.finish();
    const now = this.clock.now();
    const kept = await this.transactions.runAsSystem((manager) => this.jobs.finish(manager, job, content, exportFileName(job, now), this.exports.expiry(now)));
    if (!kept) throw new LeaseLost();
  }
}
