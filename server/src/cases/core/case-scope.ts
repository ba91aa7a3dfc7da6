import { Actor } from '@ruta/platform';

export interface ScopeCondition {
  /** SQL over the `cases` alias, with TypeORM named parameters. */
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The actor's record scope as a WHERE condition on `cases`, written so that PostgreSQL can drive it with the
 * indexes (IDX_cases_institution_*, IDX_cases_created_by, IDX_case_assignments_user). Row-level security enforces
 * the same rule again in `ruta_case_in_scope()` (migration 1764403400000-Cases).
 * `referred` (partner institutions) sees the cases with an open referral to its institution, as `ruta_case_in_scope()`
 * does since migration 1764404100000-Referrals; such an actor reads the case through its referral's limited view.
 */
export function caseScopeCondition(actor: Pick<Actor, 'scope' | 'institutionId' | 'userId'>, alias = 'c'): ScopeCondition {
  switch (actor.scope) {
    case 'all':
    case 'all_pseudonymised':
      return { sql: 'TRUE', params: {} };
    case 'institution':
      return { sql: `"${alias}"."ownerInstitutionId" = :scopeInstitutionId`, params: { scopeInstitutionId: actor.institutionId } };
    case 'assigned':
      // One set of ids (created by me, plus live assignments to me), each side on its index: an OR of the two would
      // make PostgreSQL read every case (the home counts at 1,000,000 cases).
      return {
        sql: `"${alias}"."id" IN (SELECT sc."id" FROM cases sc WHERE sc."createdById" = :scopeUserId UNION ALL SELECT sa."caseId" FROM case_assignments sa WHERE sa."userId" = :scopeUserId AND sa."unassignedAt" IS NULL)`,
        params: { scopeUserId: actor.userId },
      };
    case 'referred':
      // An open referral to the actor's institution whose access has not ended (migration 1764404100000-Referrals).
      return {
        sql: `"${alias}"."id" IN (SELECT sr."caseId" FROM referrals sr WHERE sr."toInstitutionId" = :scopeInstitutionId AND sr."status" IN ('sent', 'received', 'accepted', 'in_progress') AND sr."accessEndedAt" IS NULL)`,
        params: { scopeInstitutionId: actor.institutionId },
      };
    default:
      return { sql: 'FALSE', params: {} };
  }
}
