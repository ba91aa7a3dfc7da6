import { toAuditQuery } from './audit-filters';

describe('toAuditQuery', () => {
  it('leaves out empty filters and turns local days into a whole-day period', () => {
    const query = toAuditQuery({ userId: 'u-1', entityType: ' user ', entityId: '', action: 'login', from: '2026-01-02', to: '2026-01-03' });
    expect(query.userId).toBe('u-1');
    expect(query.entityType).toBe('user');
    expect(query.entityId).toBeUndefined();
    expect(query.action).toBe('login');
    expect(new Date(query.from!).getTime()).toBe(new Date(2026, 0, 2, 0, 0, 0, 0).getTime());
    expect(new Date(query.to!).getTime()).toBe(new Date(2026, 0, 3, 23, 59, 59, 999).getTime());
  });

  it('is empty without filters', () => {
    expect(toAuditQuery({ userId: '', entityType: '', entityId: '', action: '', from: '', to: '' })).toEqual({});
  });
});
