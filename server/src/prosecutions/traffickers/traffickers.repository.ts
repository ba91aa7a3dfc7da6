import { Injectable } from '@nestjs/common';
import { ListOrder, ListTotal, TraffickerDuplicate, TraffickerListItem, TraffickerView } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import {
  activeTraffickerIndexKey,
  openNames,
  openTraffickerAliases,
  openTraffickerField,
  sealTraffickerIdentity,
  traffickerDocumentIndex,
  traffickerNameQuery,
} from './trafficker-identity';

export interface NewTrafficker {
  institutionId: string;
  createdById: string;
  kind: string;
  name: string;
  aliases: string[];
  documentNumber: string | null;
  nationality: string | null;
  sex: string | null;
  roles: string[];
  relationToVictim: string | null;
}

/** A list row as stored: the name and aliases still encrypted, `k` the cursor (when it was recorded, UTC, microseconds). */
type StoredListRow = Omit<TraffickerListItem, 'aliases'> & { aliases: string | null; k: string };

/**
 * The list's filter by a search text, as a set of ids: the name within one typo per word (blind-index tokens, through
 * the SECURITY DEFINER ruta_search_trafficker_names, which can use the GIN index) or the exact document number (its
 * hash). Null when there is no search; `false` when the text has neither a word nor a document in it.
 */
function searchFilter(search: string | undefined, first: number): { sql: string; params: unknown[] } | null {
  if (!search) return null;
  const words = traffickerNameQuery(search);
  const document = traffickerDocumentIndex(activeTraffickerIndexKey(), search);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (words) {
    parts.push(`SELECT s.id FROM ruta_search_trafficker_names($${first}::bigint[], $${first + 1}::bigint[]) s`);
    params.push(words.words, words.exact);
  }
  if (document) {
    parts.push(`SELECT d.id FROM alleged_traffickers d WHERE d."institutionId" = t."institutionId" AND d."documentNumberHash" = $${first + params.length}`);
    params.push(document);
  }
  return { sql: parts.length ? `t.id IN (${parts.join(' UNION ')})` : 'false', params };
}

/**
 * Alleged traffickers and their links to cases (raw SQL under the request's row-level security). Their name, aliases
 * and document number are stored encrypted (migration 1764405600000): the statements return ciphertext and this
 * repository opens it; search and duplicates go through the blind indexes.
 */
@Injectable()
export class TraffickersRepository extends RepositoryBase {
  async insert(t: NewTrafficker): Promise<string> {
    const sealed = sealTraffickerIdentity({ name: t.name, aliases: t.aliases, documentNumber: t.documentNumber });
    const [row] = await this.manager.query(
      `INSERT INTO alleged_traffickers ("institutionId", "createdById", kind, name, aliases, "documentNumber", nationality, sex, roles, "relationToVictim", "nameTokens", "documentNumberHash")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::bigint[], $12) RETURNING id`,
      [t.institutionId, t.createdById, t.kind, sealed.name, sealed.aliases, sealed.documentNumber, t.nationality, t.sex, t.roles, t.relationToVictim, sealed.nameTokens, sealed.documentNumberHash],
    );
    return row.id;
  }

  async linkCases(traffickerId: string, caseIds: string[]): Promise<void> {
    if (caseIds.length) await this.manager.query(`INSERT INTO trafficker_cases ("traffickerId", "caseId") SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [traffickerId, caseIds]);
  }

  /** Takes an alleged trafficker off a case; false when they were not linked (or either is not visible). */
  async unlinkCase(traffickerId: string, caseId: string): Promise<boolean> {
    const result = await this.manager.query(`DELETE FROM trafficker_cases WHERE "traffickerId" = $1 AND "caseId" = $2`, [traffickerId, caseId]);
    // TypeORM answers a DELETE with [rows, affected].
    const [, affected] = result as [unknown[], number];
    return affected > 0;
  }

  /**
   * Same document number (its hash), or a similar name (60 % of its words within one typo each, accents aside), among
   * the institution's own (ruta_trafficker_possible_duplicates); document matches first, then the most words exactly.
   */
  async possibleDuplicates(name: string, documentNumber: string | null, exceptId: string): Promise<TraffickerDuplicate[]> {
    const words = traffickerNameQuery(name);
    const rows = await this.manager.query(
      `SELECT t.id, t.name, d.reason FROM ruta_trafficker_possible_duplicates($1, $2::bigint[], $3::bigint[], $4::uuid) d JOIN alleged_traffickers t ON t.id = d.id
       ORDER BY d.reason = 'document' DESC, d."exactWords" DESC, t."createdAt" DESC, t.id LIMIT 10`,
      [traffickerDocumentIndex(activeTraffickerIndexKey(), documentNumber), words?.words ?? null, words?.exact ?? null, exceptId],
    );
    return openNames(rows);
  }

  async find(id: string): Promise<TraffickerView | null> {
    const [row] = await this.manager.query(
      `SELECT t.id, t.kind, t.name, t.aliases, t."documentNumber", t.nationality, t.sex, t.roles, t."relationToVictim", t.version,
        json_build_object('id', i.id, 'code', i.code, 'name', i.name) AS institution,
        coalesce((SELECT array_agg(c.code ORDER BY c.code) FROM trafficker_cases tc JOIN cases c ON c.id = tc."caseId" WHERE tc."traffickerId" = t.id), '{}') AS "caseCodes",
        coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o."occurredOn") FROM operation_traffickers ot JOIN operations o ON o.id = ot."operationId" WHERE ot."traffickerId" = t.id), '[]') AS operations,
        coalesce((SELECT json_agg(json_build_object('id', p.id, 'nunc', p.nunc) ORDER BY p."reportedOn") FROM defendants d JOIN proceedings p ON p.id = d."proceedingId" WHERE d."traffickerId" = t.id), '[]') AS proceedings
       FROM alleged_traffickers t JOIN institutions i ON i.id = t."institutionId" WHERE t.id = $1`,
      [id],
    );
    if (!row) return null;
    return { ...row, name: openTraffickerField('name', row.name), aliases: openTraffickerAliases(row.aliases), documentNumber: openTraffickerField('documentNumber', row.documentNumber) };
  }

  /**
   * A keyset page of the institution's alleged traffickers by when they were recorded (newest first unless `asc`), read
   * along IDX_alleged_traffickers_institution_created: an encrypted name has no order. The institution is the actor's
   * (row-level security shows nobody another's); the keyset is written without a row comparison, which is not
   * leakproof and could not be an index condition under row-level security.
   */
  async page(institutionId: string, limit: number, after?: { k: string; id: string }, search?: string, order: ListOrder = 'desc'): Promise<{ rows: (TraffickerListItem & { k: string })[]; total: ListTotal }> {
    const [op, opOrEqual, direction] = order === 'desc' ? ['<', '<=', 'DESC'] : ['>', '>=', 'ASC'];
    const filter = searchFilter(search, 5);
    const rows: StoredListRow[] = await this.manager.query(
      `SELECT t.id, t.kind, t.name, t.aliases, t.nationality, t.roles, to_char(t."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS k
       FROM alleged_traffickers t
       WHERE t."institutionId" = $1::uuid
         AND ($2::timestamptz IS NULL OR (t."createdAt" ${opOrEqual} $2::timestamptz AND (t."createdAt" ${op} $2::timestamptz OR t.id ${op} $3::uuid)))
         ${filter ? `AND ${filter.sql}` : ''}
       ORDER BY t."createdAt" ${direction}, t.id ${direction} LIMIT $4`,
      [institutionId, after?.k ?? null, after?.id ?? null, limit + 1, ...(filter?.params ?? [])],
    );
    const count = searchFilter(search, 2);
    const total = await this.countUpTo(
      `SELECT 1 FROM alleged_traffickers t WHERE t."institutionId" = $1::uuid ${count ? `AND ${count.sql}` : ''}`,
      [institutionId, ...(count?.params ?? [])],
    );
    return { rows: rows.map((r) => ({ ...r, name: openTraffickerField('name', r.name)!, aliases: openTraffickerAliases(r.aliases) })), total };
  }
}
