import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RepositoryBase } from '@ruta/platform';
import { UserEntity } from '@ruta/identity';
import { CaseAssignmentEntity } from './case-assignment.entity';
import { CaseStatusTransitionEntity } from './case-status-transition.entity';
import { CaseEntity } from './case.entity';
import { ScopeCondition } from './case-scope';

/** The cases table, its assignments and status transitions. Row-level security applies to every query. */
@Injectable()
export class CasesRepository extends RepositoryBase {
  /** The next pseudonymous code, RT-<year>-<6 digits>, from the case_code_seq sequence. */
  async nextCode(year: number): Promise<string> {
    const [{ n }] = await this.manager.query(`SELECT nextval('case_code_seq')::text AS n`);
    return `RT-${year}-${String(n).padStart(6, '0')}`;
  }

  /** Inserts without RETURNING (the row must pass its check policy, not the read one). Returns the new id. */
  async insert(values: QueryDeepPartialEntity<CaseEntity>): Promise<string> {
    const id = randomUUID();
    await this.insertRow(CaseEntity, { ...values, id });
    return id;
  }

  /** A case by code, inside the actor's scope, with what its detail names. */
  findByCode(code: string, scope: ScopeCondition): Promise<CaseEntity | null> {
    return this.manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.ownerInstitution', 'owner')
      .leftJoinAndSelect('c.createdBy', 'createdBy')
      .leftJoinAndSelect('c.traffickingStatusInstitution', 'decider')
      .leftJoinAndSelect('c.department', 'department')
      .leftJoinAndSelect('c.municipality', 'municipality')
      .where('c.code = :code', { code })
      .andWhere(scope.sql, scope.params)
      .getOne();
  }

  /** Which of these case ids the scope reaches (one set-based query). */
  async idsInScope(ids: string[], scope: ScopeCondition): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.id IN (:...ids)', { ids })
      .andWhere(scope.sql, scope.params)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Applies changes only if the case still has `expectedVersion`; false when someone else changed it first. */
  async updateVersioned(id: string, expectedVersion: number, changes: QueryDeepPartialEntity<CaseEntity>): Promise<boolean> {
    return this.applyVersioned(CaseEntity, id, expectedVersion, changes);
  }

  async currentVersion(id: string): Promise<number | null> {
    const row = await this.manager.getRepository(CaseEntity).findOne({ where: { id }, select: { id: true, version: true } });
    return row?.version ?? null;
  }

  /** Field names changed by others since `version`, from the case's audit trail (no values). */
  async fieldsChangedSince(caseId: string, version: number): Promise<string[]> {
    const rows: { details: { fromVersion?: number; fields?: string[] } | null }[] = await this.manager.query(
      `SELECT details FROM ruta_case_audit_trail($1, 200) WHERE action IN ('update', 'transition')`,
      [caseId],
    );
    const fields = rows.filter((r) => (r.details?.fromVersion ?? 0) >= version).flatMap((r) => r.details?.fields ?? []);
    return [...new Set(fields)].sort();
  }

  async insertTransition(values: QueryDeepPartialEntity<CaseStatusTransitionEntity>): Promise<void> {
    await this.insertRow(CaseStatusTransitionEntity, { ...values, id: randomUUID() });
  }

  activeAssignments(caseId: string): Promise<CaseAssignmentEntity[]> {
    return this.manager
      .getRepository(CaseAssignmentEntity)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.user', 'user')
      .leftJoinAndSelect('a.assignedBy', 'assignedBy')
      .where('a.caseId = :caseId AND a.unassignedAt IS NULL', { caseId })
      .orderBy('a.assignedAt', 'ASC')
      .getMany();
  }

  /** A staff member for an assignment or a screening interviewer (users' own row-level security applies). */
  findUser(id: string): Promise<UserEntity | null> {
    return this.manager.getRepository(UserEntity).findOne({ where: { id }, select: { id: true, name: true, institutionId: true, active: true } });
  }

  async insertAssignment(values: QueryDeepPartialEntity<CaseAssignmentEntity>): Promise<void> {
    await this.insertRow(CaseAssignmentEntity, { ...values, id: randomUUID() });
  }

  async endAssignment(caseId: string, userId: string, byUserId: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(CaseAssignmentEntity)
      .set({ unassignedAt: () => 'now()', unassignedById: byUserId })
      .where('"caseId" = :caseId AND "userId" = :userId AND "unassignedAt" IS NULL', { caseId, userId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
