import { caseScopeCondition } from './case-scope';

const actor = { userId: 'u-1', institutionId: 'i-1' };

describe('case record scope condition', () => {
  it('limits institution scope to the owner institution', () => {
    expect(caseScopeCondition({ ...actor, scope: 'institution' })).toEqual({ sql: '"c"."ownerInstitutionId" = :scopeInstitutionId', params: { scopeInstitutionId: 'i-1' } });
  });

  it('limits assigned scope to cases the user created or is assigned to', () => {
    const condition = caseScopeCondition({ ...actor, scope: 'assigned' }, 'x');
    expect(condition.sql).toContain('"x"."createdById" = :scopeUserId');
    expect(condition.sql).toContain('case_assignments');
    expect(condition.params).toEqual({ scopeUserId: 'u-1' });
  });

  it('opens every case to the all-case scopes and none to referred (until referrals exist) or none', () => {
    expect(caseScopeCondition({ ...actor, scope: 'all_pseudonymised' }).sql).toBe('TRUE');
    expect(caseScopeCondition({ ...actor, scope: 'referred' }).sql).toBe('FALSE');
    expect(caseScopeCondition({ ...actor, scope: 'none' }).sql).toBe('FALSE');
  });
});
