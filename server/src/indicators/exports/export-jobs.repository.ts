import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { activeFieldCipher, RepositoryBase, TEXT_PREFIX } from '@ruta/platform';
import { ExportCaseRow } from './export-file';
import { ExportJobEntity } from './export-job.entity';

/** The case list filters of an export. */
export interface ExportFilter {
  from?: string;
  to?: string;
  status?: string;
  statuses?: string[];
  institutionIds?: string[];
  purposes?: string[];
  departmentCode?: string;
  minor?: boolean;
  code?: string;
  createdFrom?: string;
  createdTo?: string;
  /** The requester, when the list shows only the cases assigned to them. */
  assignedTo?: string;
}

const ROW_COLUMNS = `c.id, c.code, c."identifiedOn"::text AS "identifiedOn", c.status, c.scope, c."ageBand", c.purposes, i.name AS institution, d.name AS department`;
const ROW_JOINS = `JOIN institutions i ON i.id = c."ownerInstitutionId" LEFT JOIN places d ON d.code = c."departmentCode"`;

function filterSql(filter: ExportFilter, first: number): [string, unknown[]] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${first + params.length - 1}`));
  };
  if (filter.from) add(`c."identifiedOn" >= CAST(? AS date)`, filter.from);
  if (filter.to) add(`c."identifiedOn" <= CAST(? AS date)`, filter.to);
  if (filter.status) add(`c.status = ?`, filter.status);
  // The case list's other filters, with the case search's definitions (so the export holds the cases the list shows).
  if (filter.statuses?.length) add(`c.status = ANY(CAST(? AS text[]))`, filter.statuses);
  if (filter.institutionIds?.length) add(`c."ownerInstitutionId" = ANY(CAST(? AS uuid[]))`, filter.institutionIds);
  if (filter.purposes?.length) add(`c.purposes && CAST(? AS text[])`, filter.purposes);
  if (filter.departmentCode) add(`c."departmentCode" = ?`, filter.departmentCode);
  if (filter.minor !== undefined) add(`c."childWelfareFlag" = ?`, filter.minor);
  if (filter.code) add(`c.code = ?`, filter.code.toUpperCase());
  if (filter.createdFrom) add(`c."createdAt" >= CAST(? AS date)`, filter.createdFrom);
  if (filter.createdTo) add(`c."createdAt" < CAST(? AS date) + 1`, filter.createdTo);
  if (filter.assignedTo) add(`c.id IN (SELECT ma."caseId" FROM case_assignments ma WHERE ma."userId" = CAST(? AS uuid) AND ma."unassignedAt" IS NULL)`, filter.assignedTo);
  return [clauses.length ? clauses.join(' AND ') : 'true', params];
}

/** A job as its worker holds it: the attempt fences its writes. */
export type ClaimedExport = Pick<ExportJobEntity, 'id' | 'format' | 'identified' | 'language' | 'total' | 'attempts'>;

/**
 * Export jobs. The request side reads and fixes the cases as the requester (row-level security decides which); the
 * job side works as the system on the ids fixed in the job, never on a wider set.
 */
/** A victim's name as read by raw SQL: encrypted (field encryption), opened here; a clear value left by bulk SQL as it is. */
function openName(column: 'givenNames' | 'familyNames', value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.startsWith(TEXT_PREFIX) ? activeFieldCipher().decryptText('victims', column, value) : value;
}

@Injectable()
export class ExportJobsRepository extends RepositoryBase {
  async countCases(filter: ExportFilter): Promise<number> {
    const [where, params] = filterSql(filter, 1);
    const [{ n }] = await this.manager.query(`SELECT count(*)::int AS n FROM cases c WHERE ${where}`, params);
    return n;
  }

  /** The requester's own rows (row-level security), with the victims' names when identified. */
  async readCases(filter: ExportFilter, identified: boolean): Promise<ExportCaseRow[]> {
    const [where, params] = filterSql(filter, 1);
    const names = identified ? `, v."givenNames", v."familyNames"` : '';
    const join = identified ? `LEFT JOIN victims v ON v."caseId" = c.id` : '';
    const rows: ExportCaseRow[] = await this.manager.query(`SELECT ${ROW_COLUMNS}${names} FROM cases c ${ROW_JOINS} ${join} WHERE ${where} ORDER BY c.code`, params);
    return identified ? rows.map((r) => ({ ...r, givenNames: openName('givenNames', r.givenNames), familyNames: openName('familyNames', r.familyNames) })) : rows;
  }

  /** A finished small export, built in the request. */
  async insertReady(job: Partial<ExportJobEntity>): Promise<string> {
    return this.insertRow(ExportJobEntity, { ...job, status: 'ready', completedAt: new Date() });
  }

  /** A large export, queued: its cases fixed now, in one statement, under the requester's row-level security. */
  async insertQueued(job: Partial<ExportJobEntity> & { id: string }, filter: ExportFilter): Promise<number> {
    const [where, params] = filterSql(filter, 8);
    await this.manager.query(
      `INSERT INTO export_jobs (id, "requestedById", "institutionId", format, identified, reason, language, "caseIds", total)
       SELECT $1, $2, $3, $4, $5, $6, $7, coalesce(array_agg(c.id ORDER BY c.code), '{}'), count(*) FROM cases c WHERE ${where}`,
      [job.id, job.requestedById, job.institutionId, job.format, job.identified, job.reason, job.language, ...params],
    );
    const [{ total }] = await this.manager.query(`SELECT total FROM export_jobs WHERE id = $1`, [job.id]);
    return total;
  }

  /** The requester's job (row-level security: nobody else's), without its file. */
  findMine(id: string): Promise<ExportJobEntity | null> {
    return this.manager
      .getRepository(ExportJobEntity)
      .findOne({ where: { id }, select: { id: true, format: true, identified: true, status: true, total: true, processed: true, createdAt: true, expiresAt: true, fileName: true, requestedById: true } });
  }

  async fileOf(id: string): Promise<{ content: Buffer; fileName: string; format: ExportJobEntity['format'] } | null> {
    const row = await this.manager.getRepository(ExportJobEntity).findOne({ where: { id }, select: { id: true, content: true, fileName: true, format: true } });
    return row?.content && row.fileName ? { content: row.content, fileName: row.fileName, format: row.format } : null;
  }

  listMine(userId: string): Promise<ExportJobEntity[]> {
    return this.manager.getRepository(ExportJobEntity).find({
      where: { requestedById: userId },
      order: { createdAt: 'DESC' },
      take: 20,
      select: { id: true, format: true, identified: true, status: true, total: true, processed: true, createdAt: true, expiresAt: true },
    });
  }

  // --- The job side (system transactions) ---

  /**
   * Takes the oldest queued job; with two instances each takes a different one (SKIP LOCKED). The claim starts the
   * lease (`heartbeatAt`) and a new attempt, which the worker's later writes must still match.
   */
  async claim(manager: EntityManager, now: Date): Promise<ClaimedExport | null> {
    const [rows]: [ClaimedExport[], number] = await manager.query(
      `UPDATE export_jobs SET status = 'running', attempts = attempts + 1, "heartbeatAt" = $1, processed = 0
        WHERE id = (SELECT id FROM export_jobs WHERE status = 'queued' ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, format, identified, language, total, attempts`,
      [now],
    );
    return rows[0] ?? null;
  }

  /**
   * Jobs left running by a worker whose lease ran out (its server died, or stalled past the lease): queued again while
   * they have attempts left, failed after the last. Answers how many of each, in one statement.
   */
  async recoverStale(manager: EntityManager, staleBefore: Date, maxAttempts: number): Promise<{ requeued: number; failed: number }> {
    const [row]: [{ requeued: number; failed: number }] = await manager.query(
      `WITH stale AS (
         UPDATE export_jobs SET status = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'queued' END,
                "completedAt" = CASE WHEN attempts >= $2 THEN now() ELSE NULL END, processed = 0
          WHERE status = 'running' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < $1)
          RETURNING status)
       SELECT count(*) FILTER (WHERE status = 'queued')::int AS requeued, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM stale`,
      [staleBefore, maxAttempts],
    );
    return row;
  }

  /** One chunk of the job's cases, by position in the fixed list, as the system. */
  async chunk(manager: EntityManager, jobId: string, identified: boolean, offset: number, size: number): Promise<ExportCaseRow[]> {
    const ids = `SELECT unnest(j."caseIds"[$2:$3]) FROM export_jobs j WHERE j.id = $1`;
    const rows: ExportCaseRow[] = await manager.query(`SELECT ${ROW_COLUMNS} FROM cases c ${ROW_JOINS} WHERE c.id IN (${ids}) ORDER BY c.code`, [jobId, offset + 1, offset + size]);
    if (!identified || rows.length === 0) return rows;
    const names: { caseId: string; givenNames: string; familyNames: string | null }[] = await manager.query(`SELECT * FROM ruta_export_identities($1, $2)`, [
      jobId,
      rows.map((r) => r.id),
    ]);
    const byCase = new Map(names.map((n) => [n.caseId, n]));
    return rows.map((r) => ({ ...r, givenNames: openName('givenNames', byCase.get(r.id)?.givenNames), familyNames: openName('familyNames', byCase.get(r.id)?.familyNames) }));
  }

  /** Progress and a renewed lease; false when this attempt lost the job (its lease ran out and it was taken again). */
  async progress(manager: EntityManager, job: ClaimedExport, processed: number, now: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE export_jobs SET processed = $3, "heartbeatAt" = $4 WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [job.id, job.attempts, processed, now],
    );
    return count === 1;
  }

  async finish(manager: EntityManager, job: ClaimedExport, content: Buffer, fileName: string, expiresAt: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE export_jobs SET status = 'ready', content = $3, "fileName" = $4, "expiresAt" = $5, "completedAt" = now(), processed = total
        WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [job.id, job.attempts, content, fileName, expiresAt],
    );
    return count === 1;
  }

  async fail(manager: EntityManager, job: ClaimedExport): Promise<void> {
    await manager.query(`UPDATE export_jobs SET status = 'failed', "completedAt" = now() WHERE id = $1 AND attempts = $2 AND status = 'running'`, [job.id, job.attempts]);
  }

  /** Expired files are dropped (the row stays as the record of the export). */
  async purgeExpired(manager: EntityManager, now: Date): Promise<void> {
    await manager.query(`UPDATE export_jobs SET content = NULL WHERE content IS NOT NULL AND "expiresAt" < $1`, [now]);
  }
}
