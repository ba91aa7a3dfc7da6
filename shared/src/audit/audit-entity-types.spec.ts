import { AUDIT_ENTITY_TYPES, AuditEntityType } from './audit-entity-types';

describe('AUDIT_ENTITY_TYPES', () => {
  it('lists each entity type once', () => {
    expect(new Set(AUDIT_ENTITY_TYPES).size).toBe(AUDIT_ENTITY_TYPES.length);
  });

  it('keeps the list in alphabetical order, so additions land in one predictable place', () => {
    expect([...AUDIT_ENTITY_TYPES]).toEqual([...AUDIT_ENTITY_TYPES].sort());
  });

  it('holds only names the audit filter accepts and the 40-character column stores', () => {
    // The same pattern as the server's audit query DTO; audit_events."entityType" is varchar(40).
    for (const type of AUDIT_ENTITY_TYPES) expect(type).toMatch(/^[a-z_]{1,40}$/);
  });

  it('types the list as a closed union', () => {
    const user: AuditEntityType = 'user';
    // @ts-expect-error a name outside the list is not an AuditEntityType
    const unknown: AuditEntityType = 'saved_filter';
    expect([user, unknown]).toEqual(['user', 'saved_filter']);
  });
});
