import { ALL_PERMISSIONS } from './permissions';
import {
  changesAccess,
  isProtectedRole,
  PROTECTED_PERMISSIONS,
  roleChangeNeedsApproval,
  RoleAccess,
  UNPROTECTED_PERMISSIONS,
  userChangeNeedsApproval,
} from './protected-access';
import { SEED_ROLES } from './roles';

const none: RoleAccess = { scope: 'none', requiresMfa: false, permissions: ['institutions:read'] };
const reader: RoleAccess = { scope: 'institution', requiresMfa: true, permissions: ['cases:read', 'notes:read'] };

describe('protected access (four eyes)', () => {
  it('classifies every permission exactly once, so a new permission needs a decision', () => {
    for (const permission of ALL_PERMISSIONS) {
      expect({ permission, lists: [PROTECTED_PERMISSIONS.includes(permission), UNPROTECTED_PERMISSIONS.includes(permission)].filter(Boolean).length }).toEqual({ permission, lists: 1 });
    }
  });

  it('protects victim data and the powers that approve, not reference data or the audit trail', () => {
    for (const p of ['cases:read', 'victim_identity:read', 'victim_location:read', 'notes:read', 'documents:read', 'consent:read', 'hotline:read', 'users:manage', 'roles:manage'] as const) {
      expect(PROTECTED_PERMISSIONS).toContain(p);
    }
    for (const p of ['institutions:manage', 'users:read', 'audit:read', 'indicators:read'] as const) expect(PROTECTED_PERMISSIONS).not.toContain(p);
  });

  it('calls a role protected when it reaches any case or carries a protected permission', () => {
    expect(isProtectedRole(none)).toBe(false);
    expect(isProtectedRole({ scope: 'all', permissions: [] })).toBe(true);
    expect(isProtectedRole({ scope: 'none', permissions: ['notes:read'] })).toBe(true);
    expect(SEED_ROLES.filter((r) => !isProtectedRole(r)).map((r) => r.code)).toEqual(['auditor']);
  });

  it('asks for approval when a protected role is widened, not when it is renamed or narrowed', () => {
    expect(roleChangeNeedsApproval(none, { ...none, permissions: ['institutions:read', 'cases:read'] })).toBe(true);
    expect(roleChangeNeedsApproval(reader, { ...reader, scope: 'all' })).toBe(true);
    expect(roleChangeNeedsApproval(reader, { ...reader, permissions: [...reader.permissions, 'victim_location:read'] })).toBe(true);
    expect(roleChangeNeedsApproval(reader, { ...reader, requiresMfa: false })).toBe(true);
    expect(roleChangeNeedsApproval(reader, { ...reader, permissions: ['cases:read'] })).toBe(false);
    expect(roleChangeNeedsApproval(reader, reader)).toBe(false);
    expect(roleChangeNeedsApproval(reader, { scope: 'none', requiresMfa: false, permissions: ['institutions:read'] })).toBe(false);
  });

  it('tells an access change from a change of names', () => {
    expect(changesAccess(reader, { ...reader, permissions: ['notes:read', 'cases:read'] })).toBe(false);
    expect(changesAccess(reader, { ...reader, requiresMfa: false })).toBe(true);
    expect(changesAccess(reader, { ...reader, scope: 'assigned' })).toBe(true);
  });

  it('asks for approval when a user comes to hold a protected role, moves institution with it, or is reactivated', () => {
    const user = { roleId: 'r1', institutionId: 'i1', active: true };
    expect(userChangeNeedsApproval(user, { ...user, roleId: 'r2' }, true)).toBe(true);
    expect(userChangeNeedsApproval(user, { ...user, institutionId: 'i2' }, true)).toBe(true);
    expect(userChangeNeedsApproval({ ...user, active: false }, user, true)).toBe(true);
    expect(userChangeNeedsApproval(user, { ...user, roleId: 'r2' }, false)).toBe(false);
    expect(userChangeNeedsApproval(user, { ...user, active: false }, true)).toBe(false);
    expect(userChangeNeedsApproval(user, user, true)).toBe(false);
  });
});
