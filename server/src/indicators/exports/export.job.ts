import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '@ruta/platform';
import { Clock } from '@ruta/platform';
import { buildExportFile, exportCells, exportHeaders } from './export-file';
import { ExportJobsRepository } from './export-jobs.repository';
import { exportFileName, ExportsService } from './exports.service';

/** The key of the transaction-level advisory lock that lets one instance at a time claim export jobs. */
export const EXPORT_JOB_LOCK = 718_090_013;
const CHUNK = 2_000;
const EVERY_SECONDS = 5;

/**
 * Builds the queued large exports. Every instance tries on a timer; claiming runs under `pg_try_advisory_xact_lock`
 * and takes a job with `FOR UPDATE SKIP LOCKED`, so two instances never build the same one. The cases are read in
 * chunks as the system, only among the ids fixed in the job; progress commits after each chunk. Expired files are
 * dropped. The clock is injected (tests move it).
 */
@Injectable()
export class ExportJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExportJob.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: ExportJobsRepository,
    private readonly exports: ExportsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.RUTA_EXPORT_JOB === 'off') return;
    this.timer = setInterval(() => void this.runOnce().catch((error: Error) => this.logger.warn(`Export job failed: ${error.message}`)), EVERY_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Builds at most one queued export; answers its id, or null when there was none (or another instance held the lock). */
  async runOnce(): Promise<string | null> {
    if (this.running) return null;
    this.running = true;
    try {
      const job = await this.transactions.runAsSystem(async (manager) => {
        const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [EXPORT_JOB_LOCK]);
        if (!locked) return null;
        await this.jobs.purgeExpired(manager, this.clock.now());
        return this.jobs.claim(manager);
      });
      if (!job) return null;
      try {
        const cells: (string | number)[][] = [];
        for (let offset = 0; offset < job.total; offset += CHUNK) {
          const rows = await this.transactions.runAsSystem((manager) => this.jobs.chunk(manager, job.id, job.identified, offset, CHUNK));
          for (const row of rows) cells.push(exportCells(row, job.identified, job.language));
          await this.transactions.runAsSystem((manager) => this.jobs.progress(manager, job.id, Math.min(job.total, offset + CHUNK)));
        }
        const content = await buildExportFile(job.format, exportHeaders(job.identified, job.language), cells);
        const now = this.clock.now();
        await this.transactions.runAsSystem((manager) => this.jobs.finish(manager, job.id, content, exportFileName(job, now), this.exports.expiry(now)));
      } catch (error) {
        await this.transactions.runAsSystem((manager) => this.jobs.fail(manager, job.id));
        throw error;
      }
      return job.id;
    } finally {
      this.running = false;
    }
  }
}
