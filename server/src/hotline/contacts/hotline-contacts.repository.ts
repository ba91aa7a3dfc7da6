import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { HOTLINE_COUNT_CAP, HotlineCallType, HotlineStatus, ListTotal } from '@ruta/shared';
import { encryptedText, RepositoryBase } from '@ruta/platform';
import { HotlineContactEntity } from './hotline-contact.entity';

/** A contact with the names and the case code its view shows. */
export interface HotlineContactRow extends HotlineContactEntity {
  operatorName: string;
  takenByName: string | null;
  caseCode: string | null;
}

export interface HotlineListRow {
  id: string;
  code: string;
  startedAt: Date;
  channel: string;
  callType: string;
  callerType: string;
  urgency: string;
  status: string;
  outcome: string | null;
  departmentCode: string | null;
  caseCode: string | null;
  operatorName: string;
}

export interface HotlineListFilter {
  status?: HotlineStatus;
  callType?: HotlineCallType;
  direction: 'asc' | 'desc';
  after?: { at: string; id: string };
  limit: number;
}

const VIEW_COLUMNS = `h.*, o.name AS "operatorName", t.name AS "takenByName", c.code AS "caseCode"`;

/** The view's raw rows hold the summary as stored (encrypted): opened here, as the entity's transformer would. */
const summary = encryptedText('hotline_contacts', 'summary');
const opened = (rows: HotlineContactRow[]): HotlineContactRow[] => rows.map((r) => ({ ...r, summary: summary.from(r.summary) }));

/** Hotline contacts: the only place of the area that touches TypeORM for them. */
@Injectable()
export class HotlineContactsRepository extends RepositoryBase {
  /** Inserts a contact with the next `LN-<year>-<number>` code; returns its id and code. */
  async insert(values: QueryDeepPartialEntity<HotlineContactEntity>, year: number): Promise<{ id: string; code: string }> {
    const [{ n }]: { n: string }[] = await this.manager.query(`SELECT nextval('hotline_contact_number_seq') AS n`);
    const code = `LN-${year}-${n.padStart(6, '0')}`;
    const id = await this.insertRow(HotlineContactEntity, { ...values, code, version: 1 });
    return { id, code };
  }

  async findById(id: string): Promise<HotlineContactRow | null> {
    const rows: HotlineContactRow[] = await this.manager.query(
      `SELECT ${VIEW_COLUMNS} FROM hotline_contacts h JOIN users o ON o.id = h."operatorId"
         LEFT JOIN users t ON t.id = h."takenById" LEFT JOIN cases c ON c.id = h."caseId"
       WHERE h.id = $1`,
      [id],
    );
    return opened(rows)[0] ?? null;
  }

  /** Contacts from the same number before this one (the blind index's index). */
  async earlierContacts(phoneHash: string, before: Date): Promise<number> {
    const [{ n }]: { n: number }[] = await this.manager.query(`SELECT count(*)::int AS n FROM hotline_contacts WHERE "phoneHash" = $1 AND "startedAt" < $2`, [phoneHash, before]);
    return n;
  }

  updateVersioned(id: string, version: number, changes: QueryDeepPartialEntity<HotlineContactEntity>): Promise<boolean> {
    return this.applyVersioned(HotlineContactEntity, id, version, changes);
  }

  async currentVersion(id: string): Promise<number | null> {
    const rows: { version: number }[] = await this.manager.query(`SELECT version FROM hotline_contacts WHERE id = $1`, [id]);
    return rows[0]?.version ?? null;
  }

  /**
   * One keyset page, newest first by default, and the total of the filter counted up to the cap on the same index
   * (an uncapped count would read every row of a million, with the row-level check on each).
   */
  async page(filter: HotlineListFilter): Promise<{ rows: HotlineListRow[]; total: ListTotal }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) add(`h.status = ?`, filter.status);
    if (filter.callType) add(`h."callType" = ?`, filter.callType);
    const filterSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = await this.countUpTo(`SELECT 1 FROM hotline_contacts h ${filterSql} ORDER BY h."startedAt" DESC, h.id DESC`, params, HOTLINE_COUNT_CAP);
    const pageWhere = [...where];
    const pageParams = [...params];
    if (filter.after) {
      pageParams.push(filter.after.at, filter.after.id);
      pageWhere.push(`(h."startedAt", h.id) ${filter.direction === 'asc' ? '>' : '<'} ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`);
    }
    pageParams.push(filter.limit + 1);
    const dir = filter.direction === 'asc' ? 'ASC' : 'DESC';
    const rows: HotlineListRow[] = await this.manager.query(
      `SELECT h.id, h.code, h."startedAt", h.channel, h."callType", h."callerType", h.urgency, h.status, h.outcome, h."departmentCode",
              c.code AS "caseCode", o.name AS "operatorName"
         FROM hotline_contacts h JOIN users o ON o.id = h."operatorId" LEFT JOIN cases c ON c.id = h."caseId"
         ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY h."startedAt" ${dir}, h.id ${dir} LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows, total };
  }

  /** Crisis contacts nobody has taken yet, oldest first (partial index). */
  untakenCrisis(limit: number): Promise<{ id: string; code: string; startedAt: Date; urgency: string; departmentCode: string | null }[]> {
    return this.manager.query(
      `SELECT id, code, "startedAt", urgency, "departmentCode" FROM hotline_contacts WHERE "callType" = 'crisis' AND "takenAt" IS NULL ORDER BY "startedAt" LIMIT $1`,
      [limit],
    );
  }

  /** The contacts linked to one case, newest first. */
  async forCase(caseId: string): Promise<HotlineContactRow[]> {
    return opened(await this.manager.query(
      `SELECT ${VIEW_COLUMNS} FROM hotline_contacts h JOIN users o ON o.id = h."operatorId"
         LEFT JOIN users t ON t.id = h."takenById" LEFT JOIN cases c ON c.id = h."caseId"
       WHERE h."caseId" = $1 ORDER BY h."startedAt" DESC LIMIT 200`,
      [caseId],
    ));
  }

  /** An active institution's type (a tip goes to law enforcement: police or prosecution), or null. */
  async institutionType(id: string): Promise<string | null> {
    const rows: { type: string }[] = await this.manager.query(`SELECT type FROM institutions WHERE id = $1 AND active`, [id]);
    return rows[0]?.type ?? null;
  }
}
