import { ALL_PERMISSIONS, Permission, PERMISSIONS as P, permissionResource } from './permissions';
import { RecordScope } from './record-scope';

/**
 * Which permissions are "protected": granting one (creating or changing a role that carries it, giving such a role to
 * a user, or handing out a new password of someone who holds one) takes effect only after a SECOND administrator
 * approves (four eyes), and a role that carries one always requires two-factor sign-in.
 *
 * - Victim and case data: everything on cases, victim identity and location, consent, notes, documents, assistance,
 *   referrals, proceedings (legal reserve), police operations and the hotline (callers' numbers, tips).
 * - Access administration: `users:manage` and `roles:manage`, the powers that approve. Otherwise one administrator could
 *   create a second administrator account and approve their own requests with it.
 *
 * Not protected, so they apply at once: reading and managing institutions, reading users and roles, the audit trail
 * (which by design carries no personal data), and indicators (aggregated counts, no person).
 */
export const PROTECTED_RESOURCES = [
  'cases',
  'victim_identity',
  'victim_location',
  'consent',
  'notes',
  'documents',
  'assistance',
  'referrals',
  'proceedings',
  'operations',
  'hotline',
  'privacy',
] as const;

export const ACCESS_ADMINISTRATION_PERMISSIONS: readonly Permission[] = [P.usersManage, P.rolesManage];

/** Every permission the four-eyes rule guards, in the order of the shared list. */
export const PROTECTED_PERMISSIONS: readonly Permission[] = ALL_PERMISSIONS.filter(
  (p) => (PROTECTED_RESOURCES as readonly string[]).includes(permissionResource(p)) || ACCESS_ADMINISTRATION_PERMISSIONS.includes(p),
);

/** Reviewed as not protected: a new permission lands in neither list and fails the spec until someone decides. */
export const UNPROTECTED_PERMISSIONS: readonly Permission[] = [
  P.institutionsRead,
  P.institutionsManage,
  P.usersRead,
  P.rolesRead,
  P.auditRead,
  P.auditVerify,
  P.indicatorsRead,
];

export function isProtectedPermission(permission: Permission): boolean {
  return PROTECTED_PERMISSIONS.includes(permission);
}

/** What of a role the four-eyes rule looks at. */
export interface RoleAccess {
  scope: RecordScope;
  requiresMfa: boolean;
  permissions: readonly Permission[];
}

/** A role reaching any case (a scope beyond `none`) or carrying a protected permission. */
export function isProtectedRole(role: Pick<RoleAccess, 'scope' | 'permissions'>): boolean {
  return role.scope !== 'none' || role.permissions.some(isProtectedPermission);
}

/** Scope, permissions or two-factor differ: the change is about access, not about the role's names. */
export function changesAccess(before: RoleAccess, after: RoleAccess): boolean {
  const same = before.permissions.length === after.permissions.length && before.permissions.every((p) => after.permissions.includes(p));
  return before.scope !== after.scope || before.requiresMfa !== after.requiresMfa || !same;
}

/**
 * A role change needs a second administrator when the role ends up protected and the change widens it: a permission
 * added, the scope changed (scopes are not ordered), or two-factor turned off. Revocations apply at once.
 */
export function roleChangeNeedsApproval(before: RoleAccess, after: RoleAccess): boolean {
  if (!isProtectedRole(after)) return false;
  const added = after.permissions.some((p) => !before.permissions.includes(p));
  return added || before.scope !== after.scope || (before.requiresMfa && !after.requiresMfa);
}

/** What of a user the four-eyes rule looks at. */
export interface UserAccess {
  roleId: string;
  institutionId: string;
  active: boolean;
}

/**
 * A user change needs a second administrator when the user ends up holding a protected role and the change gives them
 * access they did not have: another role, another institution (another set of cases), or a reactivated account.
 */
export function userChangeNeedsApproval(before: UserAccess, after: UserAccess, afterRoleProtected: boolean): boolean {
  if (!afterRoleProtected || !after.active) return false;
  return before.roleId !== after.roleId || before.institutionId !== after.institutionId || !before.active;
}
