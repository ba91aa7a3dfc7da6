import { SEED_ROLES } from '@ruta/shared';
import { newMe } from '../core/auth/auth.testing';
import { canBeAssigned, comingWork, worksOnReferrals } from './home-work';

function meOf(code: string) {
  const role = SEED_ROLES.find((r) => r.code === code)!;
  return newMe({ role: { id: `r-${code}`, code, nameEs: role.nameEs, nameEn: role.nameEn, scope: role.scope, requiresMfa: role.requiresMfa } }, [...role.permissions]);
}

describe('home work rules over the seeded roles', () => {
  it('tells no role any more that its work is not built yet (the hotline has come)', () => {
    const coming = Object.fromEntries(SEED_ROLES.map((r) => [r.code, comingWork(meOf(r.code))]));
    expect(coming).toEqual({
      admin: [],
      coordinator: [],
      investigator: [],
      prosecutor: [],
      caseworker: [],
      supervisor: [],
      operator: [],
      partner: [],
      auditor: [],
    });
  });

  it('gives the referrals home to the partner only', () => {
    expect(SEED_ROLES.filter((r) => worksOnReferrals(meOf(r.code))).map((r) => r.code)).toEqual(['partner']);
  });

  it('shows "assigned to me" only to roles that can be assigned a case', () => {
    const assignable = SEED_ROLES.filter((r) => canBeAssigned(meOf(r.code))).map((r) => r.code);
    expect(assignable).toEqual(['investigator', 'prosecutor', 'caseworker', 'supervisor', 'operator']);
  });
});
