import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ListTotal, ReferralListQuery, ReferralSort, ReferralUrgency } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { CaseDocumentEntity } from '@ruta/cases';
import { UserEntity } from '@ruta/identity';
import { ReferralDeadlineSettingEntity } from './referral-deadline-setting.entity';
import { ReferralDocumentEntity } from './referral-document.entity';
import { ReferralEventEntity } from './referral-event.entity';
import { ReferralEntity } from './referral.entity';

/** The case row as a receiving user may see it (`ruta_referral_case()`): summary, and situation columns when shared. */
export interface SharedCaseRow {
  code: string;
  status: string;
  ageBand: string | null;
  minorAtIdentification: boolean | null;
  purposes: string[];
  departmentCode: string | null;
  municipalityCode: string | null;
  identifiedOn: string;
  ownerInstitutionId: string;
  labourSector: string | null;
  sexualExploitationType: string | null;
  meansOfControl: string[] | null;
  recruiterRelation: string | null;
  recruitmentMethod: string | null;
}

export interface ListFilter extends Omit<ReferralListQuery, 'cursor' | 'limit' | 'institutionId'> {
  /** The actor's institution (the box's side). */
  institutionId: string;
  /** The other institution asked for by the filter. */
  otherInstitutionId?: string;
  now: Date;
  after?: { k: string; id: string };
  limit: number;
}

const AWAITING = `r.status IN ('sent', 'received')`;

export interface ReviewStatsRow {
  institutionId: string;
  received: number;
  accepted: number;
  completed: number;
  declined: number;
  overdue: number;
  acceptCount: number;
  acceptMedian: number | null;
  acceptP90: number | null;
  completeCount: number;
  completeMedian: number | null;
  completeP90: number | null;
}

/** The sort expressions, each the leading key of an index per box (migrations 1764404100000 and 1764404150000). */
export const SORT_KEYS: Record<ReferralSort, string> = {
  created: 'r."createdAt"',
  deadline: `COALESCE(r."deadlineAt", 'infinity'::timestamptz)`,
  case: 'r."caseCode"',
};

/** Referrals, their chosen documents, their history and the deadline settings. */
@Injectable()
export class ReferralsRepository extends RepositoryBase {
  async insert(values: QueryDeepPartialEntity<ReferralEntity>, documentIds: string[]): Promise<string> {
    const id = await this.insertRow(ReferralEntity, { ...values, version: 1 });
    await this.insertRows(ReferralDocumentEntity, documentIds.map((documentId) => ({ referralId: id, documentId })));
    return id;
  }

  async insertEvent(values: QueryDeepPartialEntity<ReferralEventEntity>): Promise<void> {
    await this.insertRow(ReferralEventEntity, values);
  }

  findById(id: string): Promise<ReferralEntity | null> {
    return this.manager
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.fromInstitution', 'fromInstitution')
      .leftJoinAndSelect('r.toInstitution', 'toInstitution')
      .leftJoinAndSelect('r.createdBy', 'createdBy')
      .leftJoinAndSelect('r.assignee', 'assignee')
      .leftJoinAndSelect('r.consent', 'consent')
      .where('r.id = :id', { id })
      .getOne();
  }

  async documentIds(referralId: string): Promise<string[]> {
    const rows = await this.manager.getRepository(ReferralDocumentEntity).find({ where: { referralId }, order: { documentId: 'ASC' } });
    return rows.map((r) => r.documentId);
  }

  /** How many documents each referral shares, in one statement (a referral without any is absent). */
  async documentCounts(referralIds: string[]): Promise<Map<string, number>> {
    if (!referralIds.length) return new Map();
    const rows: { referralId: string; n: number }[] = await this.manager.query(
      `SELECT "referralId", count(*)::int AS n FROM referral_documents WHERE "referralId" = ANY($1::uuid[]) GROUP BY 1`,
      [referralIds],
    );
    return new Map(rows.map((r) => [r.referralId, r.n]));
  }

  history(referralId: string): Promise<ReferralEventEntity[]> {
    return this.manager.getRepository(ReferralEventEntity).find({
      where: { referralId },
      relations: { byUser: true, byInstitution: true },
      order: { at: 'ASC' },
    });
  }

  async hasOpened(referralId: string, userId: string): Promise<boolean> {
    return (await this.manager.getRepository(ReferralEventEntity).count({ where: { referralId, byUserId: userId, kind: 'opened' } })) > 0;
  }

  updateVersioned(id: string, version: number, changes: QueryDeepPartialEntity<ReferralEntity>): Promise<boolean> {
    return this.applyVersioned(ReferralEntity, id, version, changes);
  }

  async currentVersion(id: string): Promise<number | null> {
    const row = await this.manager.getRepository(ReferralEntity).findOne({ where: { id }, select: { id: true, version: true } });
    return row?.version ?? null;
  }

  /** Documents of the case among these ids (to check a choice). */
  async caseDocumentIds(caseId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.manager.getRepository(CaseDocumentEntity).createQueryBuilder('d').select('d.id', 'id').where('d.caseId = :caseId AND d.id IN (:...ids)', { caseId, ids }).getRawMany();
    return rows.map((r) => r.id as string);
  }

  /** The documents a referral shares, as row-level security lets the reader see them. */
  sharedDocuments(referralId: string): Promise<CaseDocumentEntity[]> {
    return this.manager
      .getRepository(CaseDocumentEntity)
      .createQueryBuilder('d')
      .select(['d.id', 'd.kind', 'd.contentType', 'd.sizeBytes', 'd.createdAt'])
      .innerJoin(ReferralDocumentEntity, 'rd', 'rd."documentId" = d.id AND rd."referralId" = :referralId', { referralId })
      .orderBy('d.createdAt', 'ASC')
      .getMany();
  }

  async sharedCase(referralId: string): Promise<SharedCaseRow | null> {
    const [row] = await this.manager.query(`SELECT * FROM ruta_referral_case($1)`, [referralId]);
    return row ? { ...row, identifiedOn: typeof row.identifiedOn === 'string' ? row.identifiedOn : new Date(row.identifiedOn).toISOString().slice(0, 10) } : null;
  }

  /** An active user of that institution (an assignee). */
  findMember(userId: string, institutionId: string): Promise<UserEntity | null> {
    return this.manager.getRepository(UserEntity).findOne({ where: { id: userId, institutionId, active: true }, select: { id: true, name: true, institutionId: true } });
  }

  async deadlineHours(urgency: ReferralUrgency): Promise<number> {
    const row = await this.manager.getRepository(ReferralDeadlineSettingEntity).findOneBy({ urgency });
    if (!row) throw new Error(`No deadline setting for ${urgency}`);
    return row.hours;
  }

  deadlineSettings(): Promise<ReferralDeadlineSettingEntity[]> {
    return this.manager.getRepository(ReferralDeadlineSettingEntity).find();
  }

  /** Locks the deadline rows until the transaction ends: two administrators saving at once take turns. */
  async lockDeadlines(): Promise<void> {
    await this.manager.query(`SELECT 1 FROM referral_deadline_settings FOR UPDATE`);
  }

  /** All three deadlines in one statement; every row then carries the settings' next version. */
  async updateDeadlines(hours: Record<ReferralUrgency, number>, version: number): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.manager.query(
      `UPDATE referral_deadline_settings SET hours = (($1::jsonb) ->> urgency)::int, version = $2::int + 1, "updatedAt" = now() WHERE urgency IN ('emergency', 'urgent', 'routine')`,
      [JSON.stringify(hours), version],
    );
    return affected === Object.keys(hours).length;
  }

  /** The referrals of one case, newest first (the case's disclosure record). */
  ofCase(caseId: string): Promise<ReferralEntity[]> {
    return this.manager
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.toInstitution', 'toInstitution')
      .leftJoinAndSelect('r.fromInstitution', 'fromInstitution')
      .leftJoinAndSelect('r.createdBy', 'createdBy')
      .leftJoinAndSelect('r.consent', 'consent')
      .where('r.caseId = :caseId', { caseId })
      .orderBy('r.createdAt', 'DESC')
      .getMany();
  }

  /** Openings of the shared view, per referral. */
  openings(referralIds: string[]): Promise<ReferralEventEntity[]> {
    if (!referralIds.length) return Promise.resolve([]);
    return this.manager
      .getRepository(ReferralEventEntity)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.byUser', 'byUser')
      .where(`e.referralId IN (:...referralIds) AND e.kind = 'opened'`, { referralIds })
      .orderBy('e.at', 'ASC')
      .getMany();
  }

  private filtered(filter: Omit<ListFilter, 'after' | 'limit'>): SelectQueryBuilder<ReferralEntity> {
    const query = this.manager
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.fromInstitution', 'fromInstitution')
      .leftJoinAndSelect('r.toInstitution', 'toInstitution');
    if (filter.box === 'inbox') query.where(`r."toInstitutionId" = :institutionId AND r.status <> 'draft'`, { institutionId: filter.institutionId });
    else if (filter.box === 'outbox') query.where(`r."fromInstitutionId" = :institutionId`, { institutionId: filter.institutionId });
    else query.where(`r.status <> 'draft'`);
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.urgency) query.andWhere('r.urgency = :urgency', { urgency: filter.urgency });
    if (filter.purpose) query.andWhere('r.purpose = :purpose', { purpose: filter.purpose });
    if (filter.otherInstitutionId) {
      const other = { inbox: 'r."fromInstitutionId" = :other', outbox: 'r."toInstitutionId" = :other', all: '(r."fromInstitutionId" = :other OR r."toInstitutionId" = :other)' };
      query.andWhere(other[filter.box], { other: filter.otherInstitutionId });
    }
    if (filter.overdue !== undefined) {
      const overdue = `(${AWAITING} AND (r."overdueAt" IS NOT NULL OR r."deadlineAt" < :now))`;
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { now: filter.now });
    }
    if (filter.override !== undefined) query.andWhere(filter.override ? 'r."overrideGround" IS NOT NULL' : 'r."overrideGround" IS NULL');
    return query;
  }

  /** The query of one keyset page (sort key, id), without running it: `page()` runs it, the plan test EXPLAINs it. */
  pageQuery(filter: ListFilter): SelectQueryBuilder<ReferralEntity> {
    const query = this.filtered(filter);
    const key = SORT_KEYS[filter.sort ?? 'created'];
    const direction = filter.direction === 'asc' ? 'ASC' : 'DESC';
    const op = direction === 'ASC' ? '>' : '<';
    if (filter.after) {
      query.andWhere(`(${key} ${op} :afterKey OR (${key} = :afterKey AND r.id ${op} :afterId))`, { afterKey: filter.after.k, afterId: filter.after.id });
    }
    // limit(), not take(): the joins are many-to-one, and take() cannot page on an expression. The key as PostgreSQL
    // writes it (microseconds; a JavaScript date keeps milliseconds) is the next cursor.
    return query.addSelect(`(${key})::text`, 'cursor_key').orderBy(key, direction).addOrderBy('r.id', direction).limit(filter.limit + 1);
  }

  /** The rows a filter's total counts (up to LIST_COUNT_CAP: `countUpTo`), over the same conditions, on the box's index. */
  countQuery(filter: Omit<ListFilter, 'after' | 'limit'>): SelectQueryBuilder<ReferralEntity> {
    return this.filtered(filter).select('1');
  }

  /** One keyset page and the total of the filter. */
  async page(filter: ListFilter): Promise<{ rows: ReferralEntity[]; keys: string[]; total: ListTotal }> {
    const total = await this.countUpTo(...this.countQuery(filter).getQueryAndParameters());
    const { entities, raw } = await this.pageQuery(filter).getRawAndEntities<{ cursor_key: string }>();
    return { rows: entities, keys: raw.map((r) => r.cursor_key), total };
  }

  async inboxCounts(institutionId: string, now: Date): Promise<{ newCount: number; overdueCount: number }> {
    const [row] = await this.manager.query(
      `SELECT count(*) FILTER (WHERE r.status = 'sent')::int AS "newCount",
              count(*) FILTER (WHERE ${AWAITING} AND (r."overdueAt" IS NOT NULL OR r."deadlineAt" < $2))::int AS "overdueCount"
         FROM referrals r WHERE r."toInstitutionId" = $1 AND r.status IN ('sent', 'received')`,
      [institutionId, now],
    );
    return row;
  }

  /**
   * Per receiving institution, in one grouped pass (no case data): volumes, and the median and 90th percentile of the
   * hours from sending to acceptance and to completion (`percentile_cont`, nulls left out), to one decimal.
   */
  reviewStats(): Promise<ReviewStatsRow[]> {
    const hours = (column: string) => `EXTRACT(EPOCH FROM (r."${column}" - r."sentAt")) / 3600`;
    const pct = (p: number, column: string) => `round((percentile_cont(${p}) WITHIN GROUP (ORDER BY ${hours(column)}))::numeric, 1)::float8`;
    return this.manager.query(
      `SELECT r."toInstitutionId" AS "institutionId", count(*)::int AS received, count(r."acceptedAt")::int AS accepted,
              count(*) FILTER (WHERE r.status = 'completed')::int AS completed, count(*) FILTER (WHERE r.status = 'declined')::int AS declined,
              count(r."overdueAt")::int AS overdue,
              count(${hours('acceptedAt')})::int AS "acceptCount", ${pct(0.5, 'acceptedAt')} AS "acceptMedian", ${pct(0.9, 'acceptedAt')} AS "acceptP90",
              count(${hours('completedAt')})::int AS "completeCount", ${pct(0.5, 'completedAt')} AS "completeMedian", ${pct(0.9, 'completedAt')} AS "completeP90"
         FROM referrals r WHERE r.status <> 'draft' GROUP BY r."toInstitutionId"`,
    );
  }

  /** Who refers to whom: one row per pair of institutions, with its volume and outcomes (one grouped pass). */
  network(): Promise<{ fromId: string; toId: string; total: number; open: number; completed: number; declined: number; cancelled: number }[]> {
    return this.manager.query(
      `SELECT r."fromInstitutionId" AS "fromId", r."toInstitutionId" AS "toId", count(*)::int AS total,
              count(*) FILTER (WHERE r.status IN ('sent', 'received', 'accepted', 'in_progress'))::int AS open,
              count(*) FILTER (WHERE r.status = 'completed')::int AS completed, count(*) FILTER (WHERE r.status = 'declined')::int AS declined,
              count(*) FILTER (WHERE r.status = 'cancelled')::int AS cancelled
         FROM referrals r WHERE r.status <> 'draft' GROUP BY r."fromInstitutionId", r."toInstitutionId" ORDER BY total DESC`,
    );
  }
}
