import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DuplicateRow } from '../intake';
import { RepositoryBase } from '@ruta/platform';
import { CaseLinkRequestEntity } from './case-link-request.entity';
import { CaseLinkEntity } from './case-link.entity';

export interface CaseLinkRow {
  institutionId: string;
  institutionCode: string;
  institutionName: string;
  /** The other case's code, only when row-level security lets the actor see that case. */
  code: string | null;
  linkedAt: Date;
}

/**
 * Link requests and case links. Row-level security shows them to the requesting and the target institution only;
 * the look-ups across institutions go through SECURITY DEFINER functions that return no identity.
 */
@Injectable()
export class CaseLinkRequestsRepository extends RepositoryBase {
  /** Possible duplicates of a stored case (`ruta_case_possible_duplicates()`): institution and, in scope only, code. */
  duplicatesOf(caseId: string): Promise<DuplicateRow[]> {
    return this.manager.query(
      `SELECT d."institutionId", i.code AS "institutionCode", i.name AS "institutionName", d."matchedOn", d.code
       FROM ruta_case_possible_duplicates($1) d JOIN institutions i ON i.id = d."institutionId"
       ORDER BY i.name, d."matchedOn", d.code NULLS LAST`,
      [caseId],
    );
  }

  /** The target institution's own cases matching a request (`ruta_link_request_matches()`). */
  matches(requestId: string): Promise<{ caseId: string; code: string }[]> {
    return this.manager.query(`SELECT "caseId", code FROM ruta_link_request_matches($1)`, [requestId]);
  }

  /** The matching case codes of several requests in one round trip, by request id. */
  async matchCodes(requestIds: string[]): Promise<Map<string, string[]>> {
    if (!requestIds.length) return new Map();
    const rows: { requestId: string; code: string }[] = await this.manager.query(
      `SELECT r.id AS "requestId", m.code FROM unnest($1::uuid[]) AS r(id), LATERAL ruta_link_request_matches(r.id) m ORDER BY m.code`,
      [requestIds],
    );
    const codes = new Map<string, string[]>();
    for (const row of rows) codes.set(row.requestId, [...(codes.get(row.requestId) ?? []), row.code]);
    return codes;
  }

  async insertRequest(values: QueryDeepPartialEntity<CaseLinkRequestEntity>): Promise<string> {
    const id = randomUUID();
    await this.insertRow(CaseLinkRequestEntity, { ...values, id, version: 1 });
    return id;
  }

  async hasOpenRequest(caseId: string, targetInstitutionId: string): Promise<boolean> {
    return this.manager
      .getRepository(CaseLinkRequestEntity)
      .createQueryBuilder('r')
      .where('r.requestingCaseId = :caseId AND r.targetInstitutionId = :targetInstitutionId AND r.status <> :declined', { caseId, targetInstitutionId, declined: 'declined' })
      .getExists();
  }

  /** A request sent to this institution. */
  findIncoming(id: string, institutionId: string): Promise<CaseLinkRequestEntity | null> {
    return this.requests().where('r.id = :id AND r.targetInstitutionId = :institutionId', { id, institutionId }).getOne();
  }

  /** The inbox: requests sent to this institution, pending first, newest first. */
  incoming(institutionId: string, limit: number): Promise<CaseLinkRequestEntity[]> {
    return this.requests()
      .where('r.targetInstitutionId = :institutionId', { institutionId })
      .orderBy(`CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('r.createdAt', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** The requests one case sent. */
  outgoing(caseId: string): Promise<CaseLinkRequestEntity[]> {
    return this.requests().where('r.requestingCaseId = :caseId', { caseId }).orderBy('r.createdAt', 'DESC').limit(100).getMany();
  }

  /** Applies a decision only if the request is still at `expectedVersion` and pending. */
  async decide(id: string, expectedVersion: number, changes: QueryDeepPartialEntity<CaseLinkRequestEntity>): Promise<boolean> {
    return this.applyVersioned(CaseLinkRequestEntity, id, expectedVersion, changes, { sql: `status = 'pending'`, params: {} });
  }

  async insertLink(values: QueryDeepPartialEntity<CaseLinkEntity>): Promise<void> {
    await this.insertRow(CaseLinkEntity, { ...values, id: randomUUID() });
  }

  /** The own case each accepted request was linked to, by request id (codes the actor's scope reaches). */
  async linkedCodes(requestIds: string[]): Promise<Map<string, string>> {
    if (!requestIds.length) return new Map();
    const rows: { requestId: string; code: string }[] = await this.manager.query(
      `SELECT l."requestId", c.code FROM case_links l JOIN cases c ON c.id = l."targetCaseId" WHERE l."requestId" = ANY($1::uuid[])`,
      [requestIds],
    );
    return new Map(rows.map((r) => [r.requestId, r.code]));
  }

  /** The links of a case, seen from its side: the other institution, and the other code only when in scope. */
  linksOf(caseId: string): Promise<CaseLinkRow[]> {
    return this.manager.query(
      `SELECT i.id AS "institutionId", i.code AS "institutionCode", i.name AS "institutionName", oc.code, l."linkedAt"
       FROM case_links l
       JOIN institutions i ON i.id = CASE WHEN l."requestingCaseId" = $1 THEN l."targetInstitutionId" ELSE l."requestingInstitutionId" END
       LEFT JOIN cases oc ON oc.id = CASE WHEN l."requestingCaseId" = $1 THEN l."targetCaseId" ELSE l."requestingCaseId" END
       WHERE l."requestingCaseId" = $1 OR l."targetCaseId" = $1
       ORDER BY l."linkedAt" DESC`,
      [caseId],
    );
  }

  private requests() {
    return this.manager
      .getRepository(CaseLinkRequestEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.requestingInstitution', 'requester')
      .innerJoinAndSelect('r.targetInstitution', 'target');
  }
}
