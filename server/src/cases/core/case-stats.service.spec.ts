import { PERMISSIONS, Permission } from '@ruta/shared';
import { Actor, AuditService } from '@ruta/platform';
import { CaseStatsRepository, CaseStatsRow } from './case-stats.repository';
import { CaseStatsService, windowStart } from './case-stats.service';

function actorWith(permissions: Permission[], scope: Actor['scope'] = 'institution'): Actor {
  return { userId: 'u-1', sessionId: 's-1', institutionId: 'i-1', institutionCode: 'policia', roleId: 'r-1', roleCode: 'investigator', scope, permissions: new Set(permissions) };
}

describe('case stats service', () => {
  const rows: CaseStatsRow[] = [
    { status: 'received', total: 4, minors: 1, recent: 2, assignedToMeActive: 1 },
    { status: 'closed', total: 3, minors: 2, recent: 0, assignedToMeActive: 0 },
  ];
  let repository: { countByStatus: jest.Mock };
  let audit: { record: jest.Mock };
  let service: CaseStatsService;

  beforeEach(() => {
    repository = { countByStatus: jest.fn().mockResolvedValue(rows) };
    audit = { record: jest.fn().mockResolvedValue(undefined) };
    service = new CaseStatsService(repository as unknown as CaseStatsRepository, audit as unknown as AuditService);
  });

  it('sums the grouped rows and fills every status, zero included', async () => {
    const stats = await service.get(actorWith([PERMISSIONS.casesRead]), new Date('2026-03-31T15:00:00Z'));
    expect(stats).toMatchObject({ total: 7, minors: 3, identifiedRecently: 2, assignedToMeActive: 1, recentSince: '2026-03-02' });
    expect(stats.byStatus).toMatchObject({ received: 4, closed: 3, screening: 0, suspended: 0 });
  });

  it('queries within the actor\'s scope condition', async () => {
    await service.get(actorWith([PERMISSIONS.casesRead], 'institution'));
    expect(repository.countByStatus).toHaveBeenCalledWith(expect.objectContaining({ userId: 'u-1', scope: expect.objectContaining({ params: { scopeInstitutionId: 'i-1' } }) }));
  });

  it('audits one read with the scope and the total, nothing personal', async () => {
    await service.get(actorWith([PERMISSIONS.casesRead], 'all_pseudonymised'));
    expect(audit.record).toHaveBeenCalledTimes(1);
    expect(audit.record).toHaveBeenCalledWith({ action: 'read', entityType: 'case_stats', details: { scope: 'all_pseudonymised', total: 7 } });
  });

  it('denies an actor without cases:read', async () => {
    await expect(service.get(actorWith([]))).rejects.toMatchObject({ status: 403 });
    expect(repository.countByStatus).not.toHaveBeenCalled();
  });

  it('starts the recent window 29 days before today, across month ends', () => {
    expect(windowStart('2026-03-01', 30)).toBe('2026-01-31');
    expect(windowStart('2026-01-15', 1)).toBe('2026-01-15');
  });
});
