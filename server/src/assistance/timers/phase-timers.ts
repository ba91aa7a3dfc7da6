import { Inject, Injectable, Logger, BeforeApplicationShutdown, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { phaseDeadline, phaseOfStatus, resumedDeadline } from '@ruta/shared';
import { JobTimer, runUnderJobLock, RUTA_CONFIG, RutaConfig, TransactionRunner } from '@ruta/platform';
import { CaseTransitionHooks } from '@ruta/cases';
import { Clock } from '@ruta/platform';
import { AssistanceRepository } from '../assistance.repository';
import { PhaseOverdueMailer } from './phase-overdue-mailer';

/** The key of the transaction-level advisory lock that lets one instance at a time run the phase deadline job. */
export const ASSISTANCE_PHASE_LOCK = 718_090_010;

/** Who hears of an overdue phase: its case's creator and assignees, and its institution's approvers (active users). */
const OVERDUE_RECIPIENTS = `
  SELECT c.code, array_agg(DISTINCT u.email ORDER BY u.email) AS emails
    FROM cases c JOIN users u ON u.active
   WHERE c.id = ANY ($1::uuid[])
     AND (u.id = c."createdById"
          OR u.id IN (SELECT a."userId" FROM case_assignments a WHERE a."caseId" = c.id AND a."unassignedAt" IS NULL)
          OR (u."institutionId" = c."ownerInstitutionId" AND EXISTS (SELECT 1 FROM roles r WHERE r.id = u."roleId" AND 'assistance:approve' = ANY (r.permissions))))
   GROUP BY c.code`;

export interface PhaseRun {
  /** False when another instance held the lock: it is doing this run. */
  ran: boolean;
  marked: string[];
}

/**
 * The Law 985 timers. Entering immediate or medium-term assistance (any move of the case status machine) starts the
 * phase's window; leaving it ends it; resuming it after a suspension continues the window with the time it had left. A job marks overdue the running windows whose deadline passed, once each, and
 * alerts the case's owner side and the supervisors: every instance tries it on a timer, the work runs in one system
 * transaction under `pg_try_advisory_xact_lock`, and the UPDATE takes only rows not marked yet, so two instances never
 * mark or alert twice. The clock is injected (tests move it).
 */
@Injectable()
export class PhaseTimers implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly timer = new JobTimer(new Logger(PhaseTimers.name), 'Assistance phase job');

  constructor(
    private readonly hooks: CaseTransitionHooks,
    private readonly repo: AssistanceRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly mailer: PhaseOverdueMailer,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      after: async (_actor, found, plan) => {
        const now = this.clock.now();
        if (phaseOfStatus(plan.from)) await this.repo.endTimers(found.id, now);
        const phase = phaseOfStatus(plan.status);
        if (!phase) return;
        // Back from a suspension (which returns to the status it left): the phase's window goes on with the time it had
        // left, its extension and overdue mark included; the law's durations are the phase's, not one entry's.
        const previous = plan.from === 'suspended' ? await this.repo.lastEndedTimer(found.id, phase) : null;
        if (previous?.endedAt) await this.repo.resumeTimer(previous, now, resumedDeadline({ deadlineAt: previous.deadlineAt, endedAt: previous.endedAt }, now));
        else await this.repo.startTimer(found.id, phase, now, phaseDeadline(phase, now, false));
      },
    });
  }

  onApplicationBootstrap(): void {
    // The referral deadline job's interval: one setting for the deadline jobs.
    const seconds = this.config.REFERRAL_DEADLINE_CHECK_SECONDS;
    if (seconds > 0) {
      this.timer.start(seconds * 1000, () => this.runOnce());
    }
  }

  /** Stops the timer; a run in progress finishes before the connection pools close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  async runOnce(now: Date = this.clock.now()): Promise<PhaseRun> {
    const mails: { code: string; emails: string[] }[] = [];
    const run = await runUnderJobLock(this.transactions, ASSISTANCE_PHASE_LOCK, async (manager) => {
      const [marked]: [{ id: string; caseId: string }[], number] = await manager.query(
        `UPDATE assistance_phase_timers SET "overdueAt" = $1, version = version + 1, "updatedAt" = now()
          WHERE "overdueAt" IS NULL AND "endedAt" IS NULL AND "deadlineAt" < $1
          RETURNING id, "caseId"`,
        [now],
      );
      if (marked.length) {
        const caseIds = [...new Set(marked.map((m) => m.caseId))];
        await manager.query(`SELECT ruta_assistance_alert(c, 'phase_overdue', true, true) FROM unnest($1::uuid[]) c`, [caseIds]);
        // The e-mail goes to the same people as the in-app alert (ruta_assistance_alert): the owner side and the
        // institution's approvers, active accounts only.
        if (this.mailer.enabled) mails.push(...(await manager.query(OVERDUE_RECIPIENTS, [caseIds])));
      }
      return { ran: true, marked: marked.map((m) => m.id) };
    });
    // Mailed once the marks are committed: a run that failed sends nothing.
    for (const mail of mails) this.mailer.send(mail.emails, mail.code);
    return run ?? { ran: false, marked: [] };
  }
}
