import { Injectable } from '@nestjs/common';
import { ListOrder, ListTotal, OperationListItem, OperationType, OperationView } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { openNames } from '../traffickers/trafficker-identity';
import { OperationEntity } from './operation.entity';

export interface OperationRow {
  id: string;
  name: string;
  occurredOn: string;
  municipalityCode: string;
  type: OperationType;
  arrests: number;
  description: string | null;
  version: number;
  institution: { id: string; code: string; name: string };
}

const COLUMNS = `o.id, o.name, to_char(o."occurredOn", 'YYYY-MM-DD') AS "occurredOn", o."municipalityCode", o.type, o.arrests, o.description, o.version,
  json_build_object('id', i.id, 'code', i.code, 'name', i.name) AS institution`;

/**
 * A page of operations in `order` by ("occurredOn", id), after ($1, $2) when given, $3 rows: read along
 * IDX_operations_occurred (either way) for a reader of every institution, not a sort of them all.
 */
export const OPERATIONS_PAGE_SQL = (order: ListOrder): string => {
  const [after, direction] = order === 'asc' ? ['>', 'ASC'] : ['<', 'DESC'];
  return `SELECT ${COLUMNS},
      (SELECT count(*)::int FROM operation_cases oc WHERE oc."operationId" = o.id) AS cases,
      (SELECT count(*)::int FROM operation_traffickers ot WHERE ot."operationId" = o.id) AS traffickers
     FROM operations o JOIN institutions i ON i.id = o."institutionId"
     WHERE ($1::date IS NULL OR (o."occurredOn", o.id) ${after} ($1::date, $2::uuid))
     ORDER BY o."occurredOn" ${direction}, o.id ${direction} LIMIT $3`;
};

/** Operations and their links to cases and traffickers (raw SQL under the request's row-level security). */
@Injectable()
export class OperationsRepository extends RepositoryBase {
  async insert(values: { institutionId: string; createdById: string; name: string; occurredOn: string; municipalityCode: string; type: OperationType; arrests: number; description: string | null }): Promise<string> {
    return this.insertRow(OperationEntity, values);
  }

  async linkCases(operationId: string, caseIds: string[]): Promise<void> {
    if (caseIds.length) await this.manager.query(`INSERT INTO operation_cases ("operationId", "caseId") SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [operationId, caseIds]);
  }

  async linkTrafficker(operationId: string, traffickerId: string, arrested: boolean): Promise<void> {
    await this.manager.query(`INSERT INTO operation_traffickers ("operationId", "traffickerId", arrested) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [operationId, traffickerId, arrested]);
  }

  async find(id: string): Promise<(OperationRow & Pick<OperationView, 'caseCodes' | 'traffickers'>) | null> {
    const [row] = await this.manager.query(
      `SELECT ${COLUMNS},
        coalesce((SELECT array_agg(c.code ORDER BY c.code) FROM operation_cases oc JOIN cases c ON c.id = oc."caseId" WHERE oc."operationId" = o.id), '{}') AS "caseCodes",
        coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'arrested', ot.arrested) ORDER BY t.id)
                  FROM operation_traffickers ot JOIN alleged_traffickers t ON t.id = ot."traffickerId" WHERE ot."operationId" = o.id), '[]') AS traffickers
       FROM operations o JOIN institutions i ON i.id = o."institutionId" WHERE o.id = $1`,
      [id],
    );
    if (!row) return null;
    // The names are encrypted: opened here, and ordered once they are.
    const traffickers = openNames(row.traffickers as OperationView['traffickers']).sort((a, b) => a.name.localeCompare(b.name, 'es') || a.id.localeCompare(b.id));
    return { ...row, traffickers };
  }

  /** A keyset page by date (newest first unless `asc`), with the total of what the actor may see. */
  async page(limit: number, after?: { k: string; id: string }, order: ListOrder = 'desc'): Promise<{ rows: OperationListItem[]; total: ListTotal }> {
    const rows = await this.manager.query(OPERATIONS_PAGE_SQL(order), [after?.k ?? null, after?.id ?? null, limit + 1]);
    const total = await this.countUpTo(`SELECT 1 FROM operations o`, []);
    return { rows: rows.map(({ description: _d, ...r }: OperationRow & { cases: number; traffickers: number }) => r), total };
  }

  /** Takes an alleged trafficker out of an operation; false when they were not linked (or either is not visible). */
  async unlinkTrafficker(operationId: string, traffickerId: string): Promise<boolean> {
    const result = await this.manager.query(`DELETE FROM operation_traffickers WHERE "operationId" = $1 AND "traffickerId" = $2`, [operationId, traffickerId]);
    // TypeORM answers a DELETE with [rows, affected].
    const [, affected] = result as [unknown[], number];
    return affected > 0;
  }

  async municipalityExists(code: string): Promise<boolean> {
    const rows = await this.manager.query(`SELECT 1 FROM places WHERE code = $1 AND kind = 'municipality'`, [code]);
    return rows.length > 0;
  }
}
