import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, JobTimer, runUnderJobLock, RUTA_CONFIG, RutaConfig, TransactionRunner } from '@ruta/platform';
import { ReferralMailer } from '../notifications/referral-mailer';

/** The key of the transaction-level advisory lock that lets one instance at a time run the job. */
export const REFERRAL_DEADLINE_LOCK = 718_090_001;

export interface DeadlineRun {
  /** False when another instance held the lock: it is doing this run. */
  ran: boolean;
  marked: string[];
}

/**
 * Marks overdue the referrals whose response deadline passed before acceptance, once each, and notifies both sides.
 * Every instance tries it on a timer, but the work runs in one system transaction under
 * `pg_try_advisory_xact_lock`, and the UPDATE only takes rows not marked yet: with two instances on one database a
 * referral is marked, and notified, exactly once. The clock is injected (tests move it).
 */
@Injectable()
export class ReferralDeadlineJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly timer = new JobTimer(new Logger(ReferralDeadlineJob.name), 'Referral deadline job');

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly mailer: ReferralMailer,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.REFERRAL_DEADLINE_CHECK_SECONDS;
    if (seconds > 0) this.timer.start(seconds * 1000, () => this.runOnce());
  }

  /** Stops the timer; a run in progress finishes before the connection pools close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  async runOnce(now: Date = this.clock.now()): Promise<DeadlineRun> {
    const mails: { emails: string[]; caseCode: string; referralId: string }[] = [];
    const run = await runUnderJobLock(this.transactions, REFERRAL_DEADLINE_LOCK, async (manager) => {
      // TypeORM answers an UPDATE ... RETURNING with [rows, count].
      const [marked]: [{ id: string; caseCode: string; toInstitutionId: string; fromInstitutionId: string }[], number] = await manager.query(
        `UPDATE referrals SET "overdueAt" = $1
          WHERE "overdueAt" IS NULL AND status IN ('sent', 'received') AND "deadlineAt" < $1
          RETURNING id, "caseCode", "toInstitutionId", "fromInstitutionId"`,
        [now],
      );
      if (marked.length) {
        await manager.query(`INSERT INTO referral_events ("referralId", kind) SELECT unnest($1::uuid[]), 'overdue'`, [marked.map((m) => m.id)]);
      }
      for (const referral of marked) {
        for (const institution of [referral.toInstitutionId, referral.fromInstitutionId]) {
          const rows: { email: string }[] = await manager.query(`SELECT email FROM ruta_notify_referral($1, $2, 'referral_overdue', NULL)`, [referral.id, institution]);
          mails.push({ emails: rows.map((r) => r.email), caseCode: referral.caseCode, referralId: referral.id });
        }
      }
      return { ran: true, marked: marked.map((m) => m.id) };
    });
    for (const mail of mails) this.mailer.send(mail.emails, { kind: 'referral_overdue', caseCode: mail.caseCode, referralId: mail.referralId });
    return run ?? { ran: false, marked: [] };
  }
}
