import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder, ValueTransformer } from 'typeorm';
import { CaseSort, CaseStatus, ExploitationPurpose, ListTotal } from '@ruta/shared';
import { activeBlindIndexKey, blindIndex, cappedCount, nameQueryParameters, RepositoryBase } from '@ruta/platform';
import { ScopeCondition } from './case-scope';
import { CaseSummarySource } from './case-views';
import { CaseEntity } from './case.entity';
import { VictimEntity } from './victim.entity';

export interface CaseSearchQuery {
  scope: ScopeCondition;
  userId: string;
  code?: string;
  /** Raw name as typed; turned into blind-index tokens here (nameQueryParameters). */
  name?: string;
  /** Already normalised (normalizeDocumentNumber). */
  documentNumber?: string;
  status?: CaseStatus[];
  institutionId?: string[];
  purpose?: ExploitationPurpose[];
  departmentCode?: string;
  minor?: boolean;
  assignedToMe?: boolean;
  createdFrom?: string;
  createdTo?: string;
  identifiedFrom?: string;
  identifiedTo?: string;
  sort: CaseSort;
  /** Keyset: the sort timestamp (as PostgreSQL printed it, microseconds kept) and id of the last row shown. */
  after?: { at: string; id: string };
  limit: number;
  /** Read the victim's name with the page (for roles that may read identities): one statement instead of two. */
  withNames?: boolean;
}

/** What a list shows of a case: the summary's fields and the id, read as raw rows (no entity is built for a list). */
export type CaseListItem = CaseSummarySource & Pick<CaseEntity, 'id'> & Required<Pick<CaseSummarySource, 'ownerInstitution'>>;

export interface CaseSearchRow {
  item: CaseListItem;
  cursorAt: string;
  /** Given and family names (opened by the columns' own transformers), when `withNames`; null if hidden or absent. */
  victimName: string | null;
}

/**
 * The summary's columns and their SQL. A list page reads these and nothing else, as raw rows: mapping every column of
 * a case and its institution into entities cost the server more CPU than the database spent on the page (issue 15).
 */
const LIST_COLUMNS = {
  id: 'c.id',
  code: 'c.code',
  status: 'c.status',
  traffickingStatus: 'c."traffickingStatus"',
  ageBand: 'c."ageBand"',
  minorAtIdentification: 'c."minorAtIdentification"',
  minorAtExploitation: 'c."minorAtExploitation"',
  childWelfareFlag: 'c."childWelfareFlag"',
  purposes: 'c.purposes',
  departmentCode: 'c."departmentCode"',
  // As text: pg would read a date as a Date at local midnight; the entity's column is the ISO day.
  identifiedOn: 'c."identifiedOn"::text',
  createdAt: 'c."createdAt"',
  updatedAt: 'c."updatedAt"',
  owner_id: 'owner.id',
  owner_code: 'owner.code',
  owner_name: 'owner.name',
} as const satisfies Record<Exclude<keyof CaseListItem, 'ownerInstitution'> | 'owner_id' | 'owner_code' | 'owner_name', string>;

type ListRaw = { [K in keyof typeof LIST_COLUMNS]: K extends keyof CaseListItem ? CaseListItem[K] : string } & {
  cursor_at: string;
  victim_given?: string | null;
  victim_family?: string | null;
};

type SortColumn = 'createdAt' | 'updatedAt' | 'code';
const SORTS: Record<CaseSort, { column: SortColumn; direction: 'ASC' | 'DESC' }> = {
  created_desc: { column: 'createdAt', direction: 'DESC' },
  created_asc: { column: 'createdAt', direction: 'ASC' },
  updated_desc: { column: 'updatedAt', direction: 'DESC' },
  updated_asc: { column: 'updatedAt', direction: 'ASC' },
  code_asc: { column: 'code', direction: 'ASC' },
  code_desc: { column: 'code', direction: 'DESC' },
};
/** How a cursor's sort value is read back: timestamps keep PostgreSQL's microseconds; codes are unique text. */
const SORT_TYPES: Record<SortColumn, 'timestamptz' | 'text'> = { createdAt: 'timestamptz', updatedAt: 'timestamptz', code: 'text' };

/**
 * Case lists and search. Every filter maps to an index of migration 1764403400000-Cases and the sort is always
 * (sort column, id) so that keyset pagination walks an index; see e2e/api/cases-performance.e2e-spec.ts.
 */
@Injectable()
export class CaseSearchRepository extends RepositoryBase {
  async search(query: CaseSearchQuery): Promise<CaseSearchRow[]> {
    const rows = await this.build(query).getRawMany<ListRaw>();
    // The names open through the entity's own transformers (the same decryption as a VictimEntity read).
    const victims = this.manager.connection.getMetadata(VictimEntity);
    const [given, family] = (['givenNames', 'familyNames'] as const).map((p) => victims.findColumnWithPropertyName(p)!.transformer as ValueTransformer);
    return rows.map((row) => {
      const name = query.withNames ? [row.victim_given && given.from(row.victim_given), row.victim_family && family.from(row.victim_family)].filter(Boolean).join(' ') : '';
      const { owner_id, owner_code, owner_name, cursor_at, victim_given: _given, victim_family: _family, ...item } = row;
      return { item: { ...item, ownerInstitution: { id: owner_id, code: owner_code, name: owner_name } }, cursorAt: cursor_at, victimName: name || null };
    });
  }

  /**
   * How many cases the filters match, counted up to `cap` (then `more`): a first page says "42 casos" without counting
   * a million rows for a coordinator. The count walks the same indexes as the page.
   */
  async count(query: CaseSearchQuery, cap: number): Promise<ListTotal> {
    const [sql, params] = this.filtered(query).select('c.id').getQueryAndParameters();
    return this.countUpTo(sql, params, cap);
  }

  /**
   * The exact number of cases of an unfiltered list (or one filtered only by status and institution) of a scope that
   * sees whole institutions, from `case_counts` (kept exact by a trigger, migration 1764404200000-FastScopes): a few
   * rows instead of up to CASE_COUNT_CAP index entries. Row-level security on `case_counts` applies the same scope.
   */
  async countFromSummary(filter: { institutionIds?: string[]; statuses?: string[] }): Promise<number> {
    const [sql, params] = this.summaryCountStatement(filter);
    const [row] = await this.manager.query<{ n: number }[]>(sql, params);
    return row.n;
  }

  /** The summary count's SQL, also used by the EXPLAIN test. */
  summaryCountStatement(filter: { institutionIds?: string[]; statuses?: string[] }): [string, unknown[]] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.institutionIds?.length) where.push(`k."ownerInstitutionId" = ANY($${params.push(filter.institutionIds)}::uuid[])`);
    if (filter.statuses?.length) where.push(`k.status = ANY($${params.push(filter.statuses)}::varchar[])`);
    return [`SELECT COALESCE(sum(k.total), 0)::int AS n FROM case_counts k${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, params];
  }

  /** The same for the `assigned` scope: the actor's own rows of `case_member_counts` (migration 1764405400000). */
  async countFromMemberSummary(userId: string, statuses?: string[]): Promise<number> {
    const [row] = await this.manager.query<{ n: number }[]>(
      `SELECT COALESCE(sum(k.total), 0)::int AS n FROM case_member_counts k WHERE k."userId" = $1${statuses?.length ? ` AND k.status = ANY($2::varchar[])` : ''}`,
      statuses?.length ? [userId, statuses] : [userId],
    );
    return row.n;
  }

  /** The count's SQL, also used by the EXPLAIN test. */
  countStatement(query: CaseSearchQuery, cap: number): [string, unknown[]] {
    const [sql, params] = this.filtered(query).select('c.id').getQueryAndParameters();
    return [cappedCount(sql, cap), params];
  }

  /** The query itself, also used by the EXPLAIN test. */
  build(query: CaseSearchQuery): SelectQueryBuilder<CaseEntity> {
    const sort = SORTS[query.sort];
    const qb = this.filtered(query).innerJoin('c.ownerInstitution', 'owner');
    Object.entries(LIST_COLUMNS).forEach(([alias, sql], i) => (i === 0 ? qb.select(sql, alias) : qb.addSelect(sql, alias)));
    qb.addSelect(`c."${sort.column}"::text`, 'cursor_at')
      .orderBy(`c.${sort.column}`, sort.direction)
      .addOrderBy('c.id', sort.direction)
      .limit(query.limit);
    if (query.withNames) {
      // The victims' row-level security applies to the join as it did to a query of its own: a hidden row reads null.
      qb.leftJoin(VictimEntity, 'named', 'named.caseId = c.id').addSelect('named.givenNames', 'victim_given').addSelect('named.familyNames', 'victim_family');
    }
    if (query.after) {
      // Not a row comparison: record_lt is not leakproof, so under RLS it could not be an index condition.
      const [op, opOrEqual] = sort.direction === 'DESC' ? ['<', '<='] : ['>', '>='];
      const type = SORT_TYPES[sort.column];
      qb.andWhere(`c."${sort.column}" ${opOrEqual} CAST(:afterAt AS ${type})`, { afterAt: query.after.at });
      qb.andWhere(`(c."${sort.column}" ${op} CAST(:afterAt AS ${type}) OR c.id ${op} CAST(:afterId AS uuid))`, { afterId: query.after.id });
    }
    return qb;
  }

  /** The scope and the filters, without sort or page: shared by the page and its count. */
  private filtered(query: CaseSearchQuery): SelectQueryBuilder<CaseEntity> {
    const qb = this.manager.getRepository(CaseEntity).createQueryBuilder('c').where(query.scope.sql, query.scope.params);
    if (query.name) {
      // Every word (accents, case and particles aside) within one typo: ruta_search_victim_names ANDs one `&&` per word.
      const words = nameQueryParameters(activeBlindIndexKey(), query.name);
      if (!words) qb.andWhere('false');
      else {
        qb.andWhere(`c.id IN (SELECT sn."caseId" FROM ruta_search_victim_names(CAST(:nameWords AS bigint[]), CAST(:nameExact AS bigint[])) sn)`, {
          nameWords: words.words,
          nameExact: words.exact,
        });
      }
    }
    if (query.documentNumber) {
      qb.innerJoin(VictimEntity, 'v', 'v."caseId" = c."id"').andWhere('v."documentNumberHash" = :documentHash', {
        documentHash: blindIndex(activeBlindIndexKey(), query.documentNumber),
      });
    }
    if (query.code) qb.andWhere('c.code = :code', { code: query.code });
    if (query.status?.length) qb.andWhere('c.status IN (:...status)', { status: query.status });
    if (query.institutionId?.length) qb.andWhere('c."ownerInstitutionId" IN (:...institutionId)', { institutionId: query.institutionId });
    if (query.purpose?.length) qb.andWhere('c.purposes && CAST(:purpose AS text[])', { purpose: query.purpose });
    if (query.departmentCode) qb.andWhere('c."departmentCode" = :departmentCode', { departmentCode: query.departmentCode });
    if (query.minor !== undefined) qb.andWhere('c."childWelfareFlag" = :minor', { minor: query.minor });
    if (query.assignedToMe) {
      qb.andWhere(`c.id IN (SELECT ma."caseId" FROM case_assignments ma WHERE ma."userId" = :me AND ma."unassignedAt" IS NULL)`, { me: query.userId });
    }
    if (query.createdFrom) qb.andWhere('c."createdAt" >= CAST(:createdFrom AS date)', { createdFrom: query.createdFrom });
    if (query.createdTo) qb.andWhere(`c."createdAt" < CAST(:createdTo AS date) + 1`, { createdTo: query.createdTo });
    if (query.identifiedFrom) qb.andWhere('c."identifiedOn" >= :identifiedFrom', { identifiedFrom: query.identifiedFrom });
    if (query.identifiedTo) qb.andWhere('c."identifiedOn" <= :identifiedTo', { identifiedTo: query.identifiedTo });
    return qb;
  }
}
