import { Injectable } from '@nestjs/common';
import { CaseStatus, MyDay, WorklistItem, WorklistKind } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';

const ACTIVE = `('immediate_assistance', 'medium_term_assistance', 'follow_up', 'suspended')`;

/**
 * Set-based SQL over the cases the actor's scope reaches (row-level security on `cases` decides which, on its
 * indexes): the latest follow-up and the latest risk assessment per case through DISTINCT ON over their
 * (caseId, date) indexes, open services by their due date.
 */
function sources(today: string): Record<WorklistKind, string> {
  // `today` is the parameter placeholder of the statement that embeds these sources (never a value).
  const latestFollowUp = `SELECT DISTINCT ON (f."caseId") f."caseId", f."nextOn" FROM assistance_follow_ups f JOIN cases c ON c.id = f."caseId" AND c.status IN ${ACTIVE} ORDER BY f."caseId", f."createdAt" DESC`;
  const latestRisk = `SELECT DISTINCT ON (r."caseId") r."caseId", r.level, r."assessedAt" FROM risk_assessments r JOIN cases c ON c.id = r."caseId" AND c.status IN ${ACTIVE} ORDER BY r."caseId", r."assessedAt" DESC`;
  const phase = (status: CaseStatus) => `SELECT c.code, c.status, to_char(c."statusChangedAt" AT TIME ZONE 'America/Bogota', 'YYYY-MM-DD') AS "on", NULL::text AS detail FROM cases c WHERE c.status = '${status}'`;
  return {
    follow_ups_due: `SELECT c.code, c.status, l."nextOn"::text AS "on", NULL::text AS detail FROM (${latestFollowUp}) l JOIN cases c ON c.id = l."caseId" WHERE l."nextOn" = ${today}`,
    follow_ups_overdue: `SELECT c.code, c.status, l."nextOn"::text AS "on", NULL::text AS detail FROM (${latestFollowUp}) l JOIN cases c ON c.id = l."caseId" WHERE l."nextOn" < ${today}`,
    services_overdue: `SELECT c.code, c.status, s."dueOn"::text AS "on", s.category::text AS detail FROM assistance_services s JOIN cases c ON c.id = s."caseId" WHERE s.status IN ('planned', 'in_progress') AND s."dueOn" < ${today}`,
    high_risk: `SELECT c.code, c.status, to_char(l."assessedAt" AT TIME ZONE 'America/Bogota', 'YYYY-MM-DD') AS "on", l.level::text AS detail FROM (${latestRisk}) l JOIN cases c ON c.id = l."caseId" WHERE l.level IN ('high', 'extreme')`,
    closures_pending: `SELECT c.code, c.status, to_char(q."createdAt" AT TIME ZONE 'America/Bogota', 'YYYY-MM-DD') AS "on", q.reason::text AS detail FROM assistance_closure_requests q JOIN cases c ON c.id = q."caseId" WHERE q.status = 'pending'`,
    phase_immediate: phase('immediate_assistance'),
    phase_medium_term: phase('medium_term_assistance'),
    phase_follow_up: phase('follow_up'),
  };
}

@Injectable()
export class MyDayRepository extends RepositoryBase {
  async counts(userId: string, today: string, now: Date): Promise<MyDay> {
    const s = sources('$3::date');
    const count = (sql: string) => `(SELECT count(*)::int FROM (${sql}) x)`;
    const [row] = await this.manager.query(
      `SELECT ${count(s.phase_immediate)} AS immediate, ${count(s.phase_medium_term)} AS "mediumTerm", ${count(s.phase_follow_up)} AS "followUp",
              ${count(s.follow_ups_due)} AS "followUpsDueToday", ${count(s.follow_ups_overdue)} AS "followUpsOverdue",
              ${count(s.services_overdue)} AS "servicesOverdue", ${count(s.high_risk)} AS "highRisk", ${count(s.closures_pending)} AS "closuresPending",
              (SELECT count(*)::int FROM assistance_phase_timers t JOIN cases c ON c.id = t."caseId"
                WHERE t."endedAt" IS NULL AND (t."overdueAt" IS NOT NULL OR t."deadlineAt" < $2)) AS "overduePhases",
              (SELECT count(*)::int FROM assistance_alerts a WHERE a."userId" = $1 AND a."readAt" IS NULL) AS "unreadAlerts"`,
      [userId, now, today],
    );
    const { immediate, mediumTerm, followUp, ...rest } = row;
    return { byPhase: { immediate, mediumTerm, followUp }, ...rest };
  }

  /** One keyset page (date, code) of the cases behind a card of "my day", oldest first or newest first, with the total. */
  async worklist(kind: WorklistKind, today: string, _now: Date, limit: number, after?: { on: string; code: string }, newestFirst = false): Promise<{ rows: WorklistItem[]; total: number }> {
    const raw = sources('__TODAY__')[kind];
    const withToday = (first: number) => raw.replaceAll('__TODAY__', `$${first}::date`);
    const usesToday = raw.includes('__TODAY__');
    const [{ total }] = await this.manager.query(`SELECT count(*)::int AS total FROM (${withToday(1)}) x`, usesToday ? [today] : []);
    const params: unknown[] = usesToday ? [limit + 1, today] : [limit + 1];
    const source = withToday(2);
    let where = '';
    if (after) {
      params.push(after.on, after.code);
      where = `WHERE (x."on", x.code) ${newestFirst ? '<' : '>'} ($${params.length - 1}, $${params.length})`;
    }
    const rows: { code: string; status: CaseStatus; on: string; detail: string | null }[] = await this.manager.query(`SELECT * FROM (${source}) x ${where} ORDER BY ${newestFirst ? 'x."on" DESC, x.code DESC' : 'x."on", x.code'} LIMIT $1`, params);
    return { rows: rows.map((r) => ({ caseCode: r.code, caseStatus: r.status, on: r.on, detail: r.detail })), total };
  }
}
