import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '@ruta/platform';

export interface TimelineRow {
  at: Date;
  kind: 'status' | 'audit' | 'note' | 'document';
  action: string;
  actorId: string | null;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

/**
 * One query over everything that happened to a case: status transitions, its audit trail (through
 * `ruta_case_audit_trail()`, since audit_events is for auditors), notes and documents. Row-level security of each
 * table applies: a restricted note of another institution does not appear.
 */
@Injectable()
export class CaseTimelineRepository extends RepositoryBase {
  list(caseId: string, limit: number): Promise<TimelineRow[]> {
    return this.manager.query(
      `SELECT t.at, t.kind, t.action, t."actorId", u.name AS "actorName", t.details FROM (
         (SELECT s.at, 'status' AS kind, coalesce(s."fromStatus", '') || '>' || s."toStatus" AS action, s."byUserId" AS "actorId",
                 jsonb_build_object('from', s."fromStatus", 'to', s."toStatus", 'reason', s.reason) AS details
            FROM case_status_transitions s WHERE s."caseId" = $1 ORDER BY s.at DESC LIMIT $2)
         UNION ALL
         (SELECT a."occurredAt", 'audit', a.action, a."actorUserId", a.details FROM ruta_case_audit_trail($1, $2::integer) a)
         UNION ALL
         (SELECT n."createdAt", 'note', 'created', n."authorId", jsonb_build_object('note', n.id, 'restricted', n.restricted)
            FROM case_notes n WHERE n."caseId" = $1 ORDER BY n."createdAt" DESC LIMIT $2)
         UNION ALL
         (SELECT d."createdAt", 'document', 'created', d."uploadedById", jsonb_build_object('document', d.id, 'kind', d.kind, 'contentType', d."contentType")
            FROM case_documents d WHERE d."caseId" = $1 ORDER BY d."createdAt" DESC LIMIT $2)
       ) t LEFT JOIN users u ON u.id = t."actorId"
       ORDER BY t.at DESC LIMIT $2`,
      [caseId, limit],
    );
  }
}
