import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { AUDIT_ENTITY_TYPES, AuditQuery } from '@ruta/shared';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { AuditFilters, toAuditQuery } from './audit-filters';
import { auditEs } from './i18n/es';

describe('toAuditQuery', () => {
  it('leaves out empty filters and turns local days into a whole-day period', () => {
    const query = toAuditQuery({ userId: 'u-1', entityType: 'user', entityId: ' 42 ', action: 'login', from: '2026-01-02', to: '2026-01-03' });
    expect(query.userId).toBe('u-1');
    expect(query.entityType).toBe('user');
    expect(query.entityId).toBe('42');
    expect(query.action).toBe('login');
    expect(new Date(query.from!).getTime()).toBe(new Date(2026, 0, 2, 0, 0, 0, 0).getTime());
    expect(new Date(query.to!).getTime()).toBe(new Date(2026, 0, 3, 23, 59, 59, 999).getTime());
  });

  it('is empty without filters', () => {
    expect(toAuditQuery({ userId: '', entityType: '', entityId: '', action: '', from: '', to: '' })).toEqual({});
  });
});

describe('AuditFilters', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('offers every audit entity type by its label, and filters by the chosen code', async () => {
    const fixture = TestBed.createComponent(AuditFilters);
    const emitted: AuditQuery[] = [];
    fixture.componentInstance.changed.subscribe((query) => emitted.push(query));
    await fixture.whenStable();
    http.expectOne((request) => request.url === '/api/users').flush({ items: [], limit: 100 });
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="audit-entity-type"]' }));

    await select.open();
    const labels = await Promise.all((await select.getOptions()).map((option) => option.getText()));
    expect(labels).toEqual(['Todos', ...AUDIT_ENTITY_TYPES.map((type) => auditEs.auditEntityTypes[type])]);
    await select.clickOptions({ text: 'Borrador de caso' });
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="audit-apply"]')!.click();

    expect(emitted).toEqual([{ entityType: 'case_draft' }]);
  });
});
