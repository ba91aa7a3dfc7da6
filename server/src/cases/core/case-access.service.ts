import { Injectable } from '@nestjs/common';
import { Permission, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, can, ForbiddenError, NotFoundError } from '@ruta/platform';
import { CaseEntity } from './case.entity';
import { caseScopeCondition } from './case-scope';
import { CasesRepository } from './cases.repository';

export const CASE_CODE = /^RT-\d{4}-\d{6}$/;

/**
 * The per-record check of every case route: the role permission, then the record scope. A case outside the scope
 * answers 404, exactly like one that does not exist. Row-level security applies the same rule underneath.
 */
@Injectable()
export class CaseAccessService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The read of one case (or one section of it): the per-record check, the read, then its audit event. `details`
   * describes what was read (a section name, counts), never the values.
   */
  async readCase<T>(
    actor: Actor,
    code: string,
    permission: Permission,
    read: (found: CaseEntity) => Promise<T>,
    details: (result: T) => Record<string, unknown>,
  ): Promise<T> {
    const found = await this.requireCase(actor, code, permission);
    const result = await read(found);
    await this.audit.record({ action: 'read', entityType: 'case', entityId: found.id, details: details(result) });
    return result;
  }

  /**
   * The case with this code, if the actor has `permission` and the case is in the actor's scope. The `referred` scope
   * reaches a case only through its referral's limited view (the referrals area), never the whole record here.
   */
  async requireCase(actor: Actor, code: string, permission: Permission = PERMISSIONS.casesRead): Promise<CaseEntity> {
    if (!can(actor, permission)) throw new ForbiddenError();
    const found = CASE_CODE.test(code) && actor.scope !== 'referred' ? await this.cases.findByCode(code.toUpperCase(), caseScopeCondition(actor)) : null;
    if (!found) throw new NotFoundError('case');
    return found;
  }

  /** Throws unless every one of these cases is in the actor's scope (one set-based query). */
  async requireAccess(actor: Actor, permission: Permission, caseIds: string[]): Promise<void> {
    if (!can(actor, permission)) throw new ForbiddenError();
    const unique = [...new Set(caseIds)];
    if (actor.scope === 'referred' && unique.length) throw new NotFoundError('case');
    const reachable = await this.cases.idsInScope(unique, caseScopeCondition(actor));
    if (reachable.length !== unique.length) throw new NotFoundError('case');
  }

  /** Roles without identity permission (coordinators) see the pseudonymous code and age band only. */
  canReadIdentity(actor: Actor): boolean {
    return can(actor, PERMISSIONS.victimIdentityRead) && actor.scope !== 'all_pseudonymised';
  }

  canReadShelter(actor: Actor): boolean {
    return this.canReadIdentity(actor) && can(actor, PERMISSIONS.victimLocationRead);
  }
}
