import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ReferralListQuery, ReferralUrgency } from '@ruta/shared';
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

export interface ListFilter extends Omit<ReferralListQuery, 'cursor' | 'limit'> {
  institutionId: string;
  now: Date;
  after?: { k: string; id: string };
  limit: number;
}

const AWAITING = `r.status IN ('sent', 'received')`;

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

  async updateDeadline(urgency: ReferralUrgency, hours: number): Promise<void> {
    await this.manager.getRepository(ReferralDeadlineSettingEntity).update({ urgency }, { hours, version: () => '"version" + 1' });
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

  private filtered(filter: Omit<ListFilter, 'after' | 'limit'>) {
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
    if (filter.overdue !== undefined) {
      const overdue = `(${AWAITING} AND (r."overdueAt" IS NOT NULL OR r."deadlineAt" < :now))`;
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { now: filter.now });
    }
    if (filter.override !== undefined) query.andWhere(filter.override ? 'r."overrideGround" IS NOT NULL' : 'r."overrideGround" IS NULL');
    return query;
  }

  /** One keyset page (sort key, id) and the total of the filter. */
  async page(filter: ListFilter): Promise<{ rows: ReferralEntity[]; total: number }> {
    const total = await this.filtered(filter).getCount();
    const query = this.filtered(filter);
    const key = filter.sort === 'deadline' ? `COALESCE(r."deadlineAt", 'infinity'::timestamptz)` : 'r."createdAt"';
    const direction = filter.direction === 'asc' ? 'ASC' : 'DESC';
    const op = direction === 'ASC' ? '>' : '<';
    if (filter.after) {
      query.andWhere(`(${key} ${op} :afterKey OR (${key} = :afterKey AND r.id ${op} :afterId))`, { afterKey: filter.after.k, afterId: filter.after.id });
    }
    // limit(), not take(): the joins are many-to-one, and take() cannot page on an expression.
    query.orderBy(key, direction).addOrderBy('r.id', direction).limit(filter.limit + 1);
    return { rows: await query.getMany(), total };
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

  /** Every sent referral with its timings, for the coordinators' statistics and network (no case data). */
  allForReview(): Promise<ReferralEntity[]> {
    return this.manager
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.fromInstitutionId', 'r.toInstitutionId', 'r.status', 'r.sentAt', 'r.acceptedAt', 'r.completedAt', 'r.deadlineAt', 'r.overdueAt'])
      .where(`r.status <> 'draft'`)
      .getMany();
  }
}
