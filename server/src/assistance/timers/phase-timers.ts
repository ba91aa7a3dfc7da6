import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { phaseDeadline, phaseOfStatus } from '@ruta/shared';
import { RUTA_CONFIG, RutaConfig, TransactionRunner } from '@ruta/platform';
import { CaseTransitionHooks } from '@ruta/cases';
import { Clock } from '@ruta/platform';
import { AssistanceRepository } from '../assistance.repository';

/** The key of the transaction-level advisory lock that lets one instance at a time run the phase deadline job. */
export const ASSISTANCE_PHASE_LOCK = 718_090_010;

export interface PhaseRun {
  /** False when another instance held the lock: it is doing this run. */
  ran: boolean;
  marked: string[];
}

/**
 * The Law 985 timers. Entering immediate or medium-term assistance (any move of the case status machine) starts the
 * phase's window; leaving it ends it. A job marks overdue the running windows whose deadline passed, once each, and
 * alerts the case's owner side and the supervisors: every instance tries it on a timer, the work runs in one system
 * transaction under `pg_try_advisory_xact_lock`, and the UPDATE takes only rows not marked yet, so two instances never
 * mark or alert twice. The clock is injected (tests move it).
 */
@Injectable()
export class PhaseTimers implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PhaseTimers.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly hooks: CaseTransitionHooks,
    private readonly repo: AssistanceRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      after: async (_actor, found, plan) => {
        const now = this.clock.now();
        if (phaseOfStatus(plan.from)) await this.repo.endTimers(found.id, now);
        const phase = phaseOfStatus(plan.status);
        if (phase) await this.repo.startTimer(found.id, phase, now, phaseDeadline(phase, now, false));
      },
    });
  }

  onApplicationBootstrap(): void {
    // The referral deadline job's interval: one setting for the deadline jobs.
    const seconds = this.config.REFERRAL_DEADLINE_CHECK_SECONDS;
    if (seconds > 0) {
      this.timer = setInterval(() => void this.runOnce().catch((error: Error) => this.logger.warn(`Assistance phase job failed: ${error.message}`)), seconds * 1000);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(now: Date = this.clock.now()): Promise<PhaseRun> {
    return this.transactions.runAsSystem(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [ASSISTANCE_PHASE_LOCK]);
      if (!locked) return { ran: false, marked: [] };
      const [marked]: [{ id: string; caseId: string }[], number] = await manager.query(
        `UPDATE assistance_phase_timers SET "overdueAt" = $1, version = version + 1, "updatedAt" = now()
          WHERE "overdueAt" IS NULL AND "endedAt" IS NULL AND "deadlineAt" < $1
          RETURNING id, "caseId"`,
        [now],
      );
      if (marked.length) {
        await manager.query(`SELECT ruta_assistance_alert(c, 'phase_overdue', true, true) FROM unnest($1::uuid[]) c`, [[...new Set(marked.map((m) => m.caseId))]]);
      }
      return { ran: true, marked: marked.map((m) => m.id) };
    });
  }
}
