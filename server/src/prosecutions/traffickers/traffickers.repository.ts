import { Injectable } from '@nestjs/common';
import { TraffickerDuplicate, TraffickerListItem, TraffickerView } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';

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

/** Alleged traffickers and their links to cases (raw SQL under the request's row-level security). */
@Injectable()
export class TraffickersRepository extends RepositoryBase {
  async insert(t: NewTrafficker): Promise<string> {
    const [row] = await this.manager.query(
      `INSERT INTO alleged_traffickers ("institutionId", "createdById", kind, name, aliases, "documentNumber", nationality, sex, roles, "relationToVictim")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [t.institutionId, t.createdById, t.kind, t.name, t.aliases, t.documentNumber, t.nationality, t.sex, t.roles, t.relationToVictim],
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

  /** Same document number, or a similar name (trigram similarity on the accent-free name), among the visible ones. */
  async possibleDuplicates(name: string, documentNumber: string | null, exceptId: string): Promise<TraffickerDuplicate[]> {
    return this.manager.query(
      `SELECT t.id, t.name, CASE WHEN $2::text IS NOT NULL AND t."documentNumber" = $2 THEN 'document' ELSE 'name' END AS reason
       FROM alleged_traffickers t
       WHERE t.id <> $3 AND (($2::text IS NOT NULL AND t."documentNumber" = $2) OR t."searchName" % ruta_normalize_name($1))
       ORDER BY (t."documentNumber" = $2) DESC NULLS LAST, similarity(t."searchName", ruta_normalize_name($1)) DESC LIMIT 10`,
      [name, documentNumber, exceptId],
    );
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
    return row ?? null;
  }

  async page(limit: number, after?: { k: string; id: string }, search?: string, order: 'asc' | 'desc' = 'asc'): Promise<{ rows: TraffickerListItem[]; total: number }> {
    const filter = `($3::text IS NULL OR t."searchName" LIKE '%' || ruta_normalize_name($3) || '%')`;
    const rows = await this.manager.query(
      `SELECT t.id, t.kind, t.name, t.aliases, t.nationality, t.roles, t."searchName" AS k FROM alleged_traffickers t
       WHERE ($1::text IS NULL OR (t."searchName", t.id) ${order === 'desc' ? '<' : '>'} ($1::text, $2::uuid)) AND ${filter}
       ORDER BY t."searchName" ${order === 'desc' ? 'DESC' : 'ASC'}, t.id ${order === 'desc' ? 'DESC' : 'ASC'} LIMIT $4`,
      [after?.k ?? null, after?.id ?? null, search ?? null, limit + 1],
    );
    const [{ total }] = await this.manager.query(
      `SELECT count(*)::int AS total FROM alleged_traffickers t WHERE ($1::text IS NULL OR t."searchName" LIKE '%' || ruta_normalize_name($1) || '%')`,
      [search ?? null],
    );
    return { rows, total };
  }
}
