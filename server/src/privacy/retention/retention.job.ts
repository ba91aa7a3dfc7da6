import { Inject, Injectable, Logger, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { RetentionRunResult } from '@ruta/shared';
import { AuditService, Clock, JobTimer, runUnderJobLock, RUTA_CONFIG, RutaConfig, todayInColombia, TransactionRunner } from '@ruta/platform';

/** The key of the transaction-level advisory lock that lets one instance at a time run the retention job. */
export const PRIVACY_RETENTION_LOCK = 718_090_020;

/** How often the job looks for records whose retention has run out (when the deadline jobs are on). */
const RUN_EVERY_MS = 60 * 60 * 1000;

/**
 * Lists into the review queue the records whose retention period (`privacy_retention_settings`) has run out: closed
 * and ruled-out cases (from the day their status last changed) and hotline contacts without a case that still hold a
 * caller's number or account (from the day of the call); and brings back postponed items whose new date has come.
 * It erases nothing: a reviewer confirms each item. Every instance tries it hourly, but the work runs in one system
 * transaction under `pg_try_advisory_xact_lock`, and the INSERT skips records already listed (one item per record,
 * ever), so two instances never list twice. Each listing is audited (the case or contact id, never an identity).
 */
@Injectable()
export class RetentionJob implements BeforeApplicationShutdown, OnApplicationBootstrap {
  private readonly timer = new JobTimer(new Logger(RetentionJob.name), 'Retention job');

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {}

  onApplicationBootstrap(): void {
    // One switch for the scheduled jobs: the deadline jobs' setting (0 turns them off, as tests do).
    if (this.config.REFERRAL_DEADLINE_CHECK_SECONDS > 0) {
      this.timer.start(RUN_EVERY_MS, () => this.runOnce());
    }
  }

  /** Stops the timer; a run in progress finishes before the connection pools close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  async runOnce(now: Date = this.clock.now()): Promise<RetentionRunResult> {
    const today = todayInColombia(now);
    const run = await runUnderJobLock(this.transactions, PRIVACY_RETENTION_LOCK, async (manager) => {
      const cases: { caseId: string; recordType: string }[] = await manager.query(
        `WITH ended AS (
           SELECT c.id, c.code, c."ownerInstitutionId",
                  (c."statusChangedAt" AT TIME ZONE 'America/Bogota')::date AS "endedOn",
                  CASE c.status WHEN 'closed' THEN 'closed_case' ELSE 'ruled_out_case' END AS "recordType"
             FROM cases c
            WHERE c.status IN ('closed', 'ruled_out')
              AND NOT EXISTS (SELECT 1 FROM privacy_retention_items i WHERE i."caseId" = c.id)
              AND NOT EXISTS (SELECT 1 FROM privacy_erasure_requests r WHERE r."caseId" = c.id AND r.status = 'carried_out')
         )
         INSERT INTO privacy_retention_items ("recordType", "caseId", code, "institutionId", "endedOn", "dueOn", status, version)
         SELECT e."recordType", e.id, e.code, e."ownerInstitutionId", e."endedOn", (e."endedOn" + make_interval(years => s.years))::date, 'pending', 1
           FROM ended e JOIN privacy_retention_settings s ON s."recordType" = e."recordType"
          WHERE (e."endedOn" + make_interval(years => s.years))::date <= $1::date
         ON CONFLICT DO NOTHING
         RETURNING "caseId", "recordType"`,
        [today],
      );
      const contacts: { hotlineContactId: string }[] = await manager.query(
        `INSERT INTO privacy_retention_items ("recordType", "hotlineContactId", code, "institutionId", "endedOn", "dueOn", status, version)
         SELECT 'hotline_contact', h.id, h.code, u."institutionId", d."endedOn", (d."endedOn" + make_interval(years => s.years))::date, 'pending', 1
           FROM hotline_contacts h
           JOIN users u ON u.id = h."operatorId"
           JOIN privacy_retention_settings s ON s."recordType" = 'hotline_contact'
           CROSS JOIN LATERAL (SELECT (h."startedAt" AT TIME ZONE 'America/Bogota')::date AS "endedOn") d
          WHERE h."caseId" IS NULL AND (h.phone IS NOT NULL OR h.summary IS NOT NULL)
            AND (d."endedOn" + make_interval(years => s.years))::date <= $1::date
            AND NOT EXISTS (SELECT 1 FROM privacy_retention_items i WHERE i."hotlineContactId" = h.id)
         ON CONFLICT DO NOTHING
         RETURNING "hotlineContactId"`,
        [today],
      );
      const [reopened]: [{ caseId: string | null; hotlineContactId: string | null }[], number] = await manager.query(
        `UPDATE privacy_retention_items SET status = 'pending', version = version + 1, "updatedAt" = now()
          WHERE status = 'postponed' AND "postponedUntil" <= $1::date
          RETURNING "caseId", "hotlineContactId"`,
        [today],
      );
      await this.audit.recordMany([
        ...cases.map((c) => ({ action: 'create' as const, entityType: 'case' as const, entityId: c.caseId, actor: null, details: { privacy: 'retention_listed', recordType: c.recordType } })),
        ...contacts.map((c) => ({ action: 'create' as const, entityType: 'hotline_contact' as const, entityId: c.hotlineContactId, actor: null, details: { privacy: 'retention_listed', recordType: 'hotline_contact' } })),
        ...reopened.map((r) =>
          r.caseId
            ? { action: 'update' as const, entityType: 'case' as const, entityId: r.caseId, actor: null, details: { privacy: 'retention_due_again' } }
            : { action: 'update' as const, entityType: 'hotline_contact' as const, entityId: r.hotlineContactId!, actor: null, details: { privacy: 'retention_due_again' } },
        ),
      ]);
      return { ran: true, listed: cases.length + contacts.length, reopened: reopened.length };
    });
    return run ?? { ran: false, listed: 0, reopened: 0 };
  }
}
