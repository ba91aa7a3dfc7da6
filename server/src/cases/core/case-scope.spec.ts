import { caseScopeCondition } from './case-scope';

const actor = { userId: 'u-1', institutionId: 'i-1' };

describe('case record scope condition', () => {
  it('limits institution scope to the owner institution', () => {
    expect(caseScopeCondition({ ...actor, scope: 'institution' })).toEqual({ sql: '"c"."ownerInstitutionId" = :scopeInstitutionId', params: { scopeInstitutionId: 'i-1' } });
  });

  it('limits assigned scope to cases the user created or is assigned to', () => {
    const condition = caseScopeCondition({ ...actor, scope: 'assigned' }, 'x');
    expect(condition.sql).toContain('"x"."id" IN (SELECT sc."id" FROM cases sc WHERE sc."createdById" = :scopeUserId UNION ALL');
    expect(condition.sql).toContain('case_assignments');
    expect(condition.params).toEqual({ scopeUserId: 'u-1' });
  });

  it('opens every case to the all-case scopes and none to none', () => {
    expect(caseScopeCondition({ ...actor, scope: 'all_pseudonymised' }).sql).toBe('TRUE');
    expect(caseScopeCondition({ ...actor, scope: 'none' }).sql).toBe('FALSE');
  });

  it('limits referred scope to open referrals to the institution whose access has not ended', () => {
    const condition = caseScopeCondition({ ...actor, scope: 'referred' });
    expect(condition.sql).toContain('FROM referrals sr WHERE sr."toInstitutionId" = :scopeInstitutionId');
    expect(condition.sql).toContain(`sr."status" IN ('sent', 'received', 'accepted', 'in_progress') AND sr."accessEndedAt" IS NULL`);
    expect(condition.params).toEqual({ scopeInstitutionId: 'i-1' });
  });
});
