import { Injectable } from '@nestjs/common';
import { GraphNodeKind } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { openTraffickerField } from '../traffickers/trafficker-identity';

export interface GraphRow {
  kind: GraphNodeKind;
  key: string;
  label: string;
}

const CASE = (alias: string) => `'case'::text AS kind, ${alias}.code::text AS key, ${alias}.code::text AS label`;

/** One hop around a node, through the link tables, as row-level security lets the reader see both ends. */
const NEIGHBOURS: Record<GraphNodeKind, string> = {
  case: `SELECT 'operation'::text AS kind, o.id::text AS key, o.name::text AS label FROM operation_cases oc JOIN operations o ON o.id = oc."operationId" WHERE oc."caseId" = $1::uuid
    UNION SELECT 'proceeding', p.id::text, p.nunc::text FROM proceeding_victims pv JOIN proceedings p ON p.id = pv."proceedingId" WHERE pv."caseId" = $1::uuid
    UNION SELECT 'trafficker', t.id::text, t.name::text FROM trafficker_cases tc JOIN alleged_traffickers t ON t.id = tc."traffickerId" WHERE tc."caseId" = $1::uuid`,
  operation: `SELECT ${CASE('c')} FROM operation_cases oc JOIN cases c ON c.id = oc."caseId" WHERE oc."operationId" = $1::uuid
    UNION SELECT 'trafficker', t.id::text, t.name::text FROM operation_traffickers ot JOIN alleged_traffickers t ON t.id = ot."traffickerId" WHERE ot."operationId" = $1::uuid
    UNION SELECT 'proceeding', p.id::text, p.nunc::text FROM proceedings p WHERE p."operationId" = $1::uuid`,
  proceeding: `SELECT ${CASE('c')} FROM proceeding_victims pv JOIN cases c ON c.id = pv."caseId" WHERE pv."proceedingId" = $1::uuid
    UNION SELECT 'trafficker', t.id::text, t.name::text FROM defendants d JOIN alleged_traffickers t ON t.id = d."traffickerId" WHERE d."proceedingId" = $1::uuid
    UNION SELECT 'operation', o.id::text, o.name::text FROM proceedings p JOIN operations o ON o.id = p."operationId" WHERE p.id = $1::uuid`,
  trafficker: `SELECT ${CASE('c')} FROM trafficker_cases tc JOIN cases c ON c.id = tc."caseId" WHERE tc."traffickerId" = $1::uuid
    UNION SELECT 'operation', o.id::text, o.name::text FROM operation_traffickers ot JOIN operations o ON o.id = ot."operationId" WHERE ot."traffickerId" = $1::uuid
    UNION SELECT 'proceeding', p.id::text, p.nunc::text FROM defendants d JOIN proceedings p ON p.id = d."proceedingId" WHERE d."traffickerId" = $1::uuid`,
};

const LABEL: Record<Exclude<GraphNodeKind, 'case'>, string> = {
  operation: `SELECT name AS label FROM operations WHERE id = $1::uuid`,
  proceeding: `SELECT nunc::text AS label FROM proceedings WHERE id = $1::uuid`,
  trafficker: `SELECT name AS label FROM alleged_traffickers WHERE id = $1::uuid`,
};

@Injectable()
export class LinkGraphRepository extends RepositoryBase {
  async label(kind: Exclude<GraphNodeKind, 'case'>, id: string): Promise<string | null> {
    const [row] = await this.manager.query(LABEL[kind], [id]);
    if (!row) return null;
    return kind === 'trafficker' ? openTraffickerField('name', row.label) : row.label;
  }

  /** The neighbours by kind and label; an alleged trafficker's label (the name) is encrypted: opened here, then ordered. */
  async neighbours(kind: GraphNodeKind, id: string): Promise<GraphRow[]> {
    const rows: GraphRow[] = await this.manager.query(`SELECT * FROM (${NEIGHBOURS[kind]}) n ORDER BY 1, 3, 2 LIMIT 200`, [id]);
    return rows
      .map((r) => (r.kind === 'trafficker' ? { ...r, label: openTraffickerField('name', r.label)! } : r))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label, 'es') || a.key.localeCompare(b.key));
  }
}
