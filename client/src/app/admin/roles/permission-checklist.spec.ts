import { ALL_PERMISSIONS } from '@ruta/shared';
import { groupPermissions } from './permission-checklist';

describe('groupPermissions', () => {
  it('groups every permission once, by resource', () => {
    const groups = groupPermissions();
    expect(groups.flatMap((g) => g.permissions)).toHaveLength(ALL_PERMISSIONS.length);
    expect(groups.find((g) => g.resource === 'users')?.permissions).toEqual(['users:read', 'users:manage']);
    for (const group of groups) expect(group.permissions.every((p) => p.startsWith(`${group.resource}:`))).toBe(true);
  });
});
