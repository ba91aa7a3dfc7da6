import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CaseStatsView, Language, Permission, RoleDashboard } from '@ruta/shared';
import { AuthStore } from '../core/auth/auth.store';
import { newMe } from '../core/auth/auth.testing';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { LOCALES } from '../core/i18n/language.service';
import { HomePage } from './home.page';

const STATS: CaseStatsView = {
  total: 41,
  byStatus: { received: 20, screening: 5, ruled_out: 1, immediate_assistance: 6, medium_term_assistance: 3, follow_up: 2, closed: 3, suspended: 1 },
  minors: 7,
  identifiedRecently: 4,
  recentSince: '2026-10-31',
  assignedToMeActive: 2,
};

const INVESTIGATOR = newMe(
  { name: 'Inés Investigadora', institution: { id: 'i-2', code: 'policia', name: 'Policía Nacional' }, role: { id: 'r-2', code: 'investigator', nameEs: 'Investigador', nameEn: 'Investigator', scope: 'institution', requiresMfa: true } },
  ['cases:read', 'cases:create', 'cases:update'],
);

describe('HomePage (dashboard)', () => {
  let http: HttpTestingController;

  function setUp(language: Language = 'es') {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestI18n(language)] });
    http = TestBed.inject(HttpTestingController);
  }

  afterEach(() => http.verify());

  async function render(me = INVESTIGATOR) {
    TestBed.inject(AuthStore).setMe(me);
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }
  const byId = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`);
  const text = (el: HTMLElement, id: string) => byId(el, id)?.textContent?.trim();

  it('greets the user with role and institution', async () => {
    setUp();
    const { el } = await render();
    http.expectOne('/api/cases/stats');
    expect(text(el, 'home-greeting')).toBe('Hola, Inés Investigadora');
    expect(text(el, 'home-role')).toBe('Investigador');
    expect(text(el, 'home-institution')).toBe('Policía Nacional');
  });

  it('shows the counts of a user who reads cases, each card linking to the case list without query parameters', async () => {
    setUp();
    const { fixture, el } = await render();
    expect(text(el, 'stats-loading')).toBe('Cargando cifras…');
    http.expectOne({ method: 'GET', url: '/api/cases/stats' }).flush(STATS);
    await fixture.whenStable();
    expect(text(el, 'stat-total-value')).toBe('41');
    expect(text(el, 'stat-minors-value')).toBe('7');
    expect(text(el, 'stat-recent-value')).toBe('4');
    expect(text(el, 'stat-assigned-value')).toBe('2');
    expect(text(el, 'stat-recent')).toContain('Desde el 31 de octubre de 2026');
    expect(text(el, 'stat-status-received')).toBe('20');
    expect(text(el, 'stat-by-status')).toContain('Asistencia inmediata');
    for (const link of el.querySelectorAll('[data-testid^="stat-"][data-testid$="-link"]')) expect(link.getAttribute('href')).toBe('/casos');
    expect(el.querySelector('h2#home-stats-title')?.textContent?.trim()).toBe('Casos a su alcance');
  });

  it('offers "Nuevo caso" and "Buscar casos" to a user who creates cases', async () => {
    setUp();
    const { el } = await render();
    http.expectOne('/api/cases/stats');
    expect(text(el, 'home-new-case')).toContain('Nuevo caso');
    expect(byId(el, 'home-new-case')?.getAttribute('href')).toBe('/casos/nuevo');
    expect(byId(el, 'home-search-cases')?.getAttribute('href')).toBe('/casos');
  });

  it('hides "Nuevo caso" from a coordinator, who reads cases without creating them', async () => {
    setUp();
    const { el } = await render(newMe({}, ['cases:read']));
    http.expectOne('/api/cases/stats');
    expect(byId(el, 'home-new-case')).toBeNull();
    expect(byId(el, 'home-search-cases')).not.toBeNull();
  });

  it('hides "assigned to me" from a coordinator, who is never assigned a case', async () => {
    setUp();
    const coordinator = newMe({ role: { id: 'r-c', code: 'coordinator', nameEs: 'Coordinador', nameEn: 'Coordinator', scope: 'all_pseudonymised', requiresMfa: true } }, ['cases:read']);
    const { fixture, el } = await render(coordinator);
    http.expectOne('/api/cases/stats').flush(STATS);
    await fixture.whenStable();
    expect(text(el, 'stat-total-value')).toBe('41');
    expect(byId(el, 'stat-assigned')).toBeNull();
  });

  it('gives a hotline operator the hotline (log a call, open contacts, crises waiting) beside the case counts', async () => {
    setUp();
    const permissions: Permission[] = ['hotline:read', 'hotline:manage', 'cases:create', 'cases:read'];
    const { fixture, el } = await render(newMe({ role: { id: 'r-o', code: 'operator', nameEs: 'Operador', nameEn: 'Operator', scope: 'assigned', requiresMfa: false } }, permissions));
    http.expectOne('/api/cases/stats').flush(STATS);
    http.expectOne((r) => r.url === '/api/hotline/contacts' && r.params.get('status') === 'open').flush({ items: [], total: 0, limit: 5 });
    http.expectOne('/api/hotline/crisis').flush([{ id: 'h-1', code: 'LN-2026-000001', startedAt: '2026-11-30T10:00:00Z', urgency: 'emergency', departmentCode: null }]);
    await fixture.whenStable();
    expect(byId(el, 'home-coming')).toBeNull();
    expect(byId(el, 'home-new-call')).not.toBeNull();
    expect(text(el, 'home-hotline-crisis')).toContain('Crisis sin atender: 1');
    http.match('/api/indicators/dashboards/hotline'); // the volume chart, next test
  });

  it('gives a hotline operator the line’s volume: figures linking to the contacts, and a chart, loaded after the page', async () => {
    // jsdom has no ResizeObserver, which the chart directive watches its box with; the chart itself is not drawn here.
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
    setUp();
    const permissions: Permission[] = ['hotline:read', 'hotline:manage', 'cases:create', 'cases:read'];
    const { fixture, el } = await render(newMe({ role: { id: 'r-o', code: 'operator', nameEs: 'Operador', nameEn: 'Operator', scope: 'assigned', requiresMfa: false } }, permissions));
    http.expectOne('/api/cases/stats').flush(STATS);
    http.expectOne((r) => r.url === '/api/hotline/contacts').flush({ items: [], total: 0, limit: 5 });
    http.expectOne('/api/hotline/crisis').flush([]);
    await fixture.whenStable();
    http.expectNone('/api/indicators/dashboards/caseworker');
    const dashboard: RoleDashboard = {
      kind: 'hotline',
      from: '2026-11-01',
      to: '2026-11-30',
      categoryKind: 'day',
      categories: ['2026-11-29', '2026-11-30'],
      series: [{ key: 'contacts', values: [4, 8] }],
      figures: [{ key: 'contacts', value: 12 }, { key: 'tips_sent', value: 3 }],
      asOf: '2026-11-30T15:30:00Z',
    };
    http.expectOne('/api/indicators/dashboards/hotline').flush(dashboard);
    await fixture.whenStable();
    expect(byId(el, 'dashboard-hotline-contacts')?.querySelector('.card-value')?.textContent).toBe('12');
    expect(byId(el, 'dashboard-hotline-contacts')?.querySelector('a')?.textContent).toBe('Contactos');
    expect(byId(el, 'dashboard-hotline-tips_sent')?.querySelector('a')?.getAttribute('href')).toBe('/linea');
    expect(el.querySelector('[data-testid="dashboard-hotline"] p.muted')?.textContent).toContain('1 de noviembre de 2026');
    // Figures served from a snapshot say when they were computed, in the interface language (never the ISO form).
    const asOf = new Intl.DateTimeFormat(LOCALES.es, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(dashboard.asOf!));
    expect(byId(el, 'dashboard-hotline-as-of')?.textContent?.trim()).toBe(`Cifras al ${asOf}`);
    expect(byId(el, 'dashboard-chart-hotline')).not.toBeNull();
  });

  it('shows a partner institution the referrals it received instead of case counts', async () => {
    setUp();
    const partner = newMe({ role: { id: 'r-p', code: 'partner', nameEs: 'Socio', nameEn: 'Partner', scope: 'referred', requiresMfa: false } }, ['cases:read', 'referrals:read', 'referrals:manage']);
    const { fixture, el } = await render(partner);
    http.expectNone('/api/cases/stats');
    const from = { id: 'i-2', code: 'policia', name: 'Policía Nacional' };
    const to = { id: 'i-3', code: 'icbf', name: 'ICBF' };
    http.expectOne((r) => r.url === '/api/referrals' && r.params.get('box') === 'inbox').flush({
      items: [
        { id: 'ref-1', caseCode: 'RT-2026-000007', from, to, purpose: 'protection', urgency: 'emergency', status: 'sent', sections: ['summary'], deadlineAt: null, overdue: true, sentAt: null, createdAt: '2026-11-30T10:00:00Z', override: null, accessEnded: null },
      ],
      nextCursor: null,
      total: 1,
    });
    await fixture.whenStable();
    expect(byId(el, 'home-coming')).toBeNull();
    expect(text(el, 'home-referral-RT-2026-000007')).toContain('Protección');
    expect(text(el, 'home-referrals-summary')).toContain('1 sin abrir y 1 vencidas');
  });

  it('labels statuses in English when the interface is in English', async () => {
    setUp('en');
    const { fixture, el } = await render();
    http.expectOne('/api/cases/stats').flush(STATS);
    await fixture.whenStable();
    expect(text(el, 'stat-by-status')).toContain('Immediate assistance');
    expect(text(el, 'stat-total')).toContain('Cases in total');
    expect(text(el, 'stat-recent')).toContain('Since October 31, 2026');
  });

  it('says so when the counts cannot be loaded, and tries again on request', async () => {
    setUp();
    const { fixture, el } = await render();
    http.expectOne('/api/cases/stats').flush({ code: 'internal' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(text(el, 'stats-error')).toContain('No se pudieron cargar');
    (byId(el, 'stats-retry') as HTMLButtonElement).click();
    http.expectOne('/api/cases/stats').flush(STATS);
    await fixture.whenStable();
    expect(text(el, 'stat-total-value')).toBe('41');
  });

  it.each<[string, Permission[], string[]]>([
    ['an administrator', ['users:manage', 'institutions:manage', 'roles:manage'], ['home-area-users', 'home-area-institutions', 'home-area-referralDeadlines', 'home-area-serviceDirectory', 'home-area-roles', 'home-area-accessRequests']],
    ['an auditor', ['audit:read', 'audit:verify', 'users:read'], ['home-area-audit']],
  ])('shows %s links to their areas instead of case counts, without asking for them', async (_who, permissions, areas) => {
    setUp();
    const { el } = await render(newMe({}, permissions));
    http.expectNone('/api/cases/stats');
    expect(byId(el, 'home-stats-title')).toBeNull();
    expect(byId(el, 'home-actions')).toBeNull();
    expect([...el.querySelectorAll('[data-testid^="home-area-"]')].map((a) => a.getAttribute('data-testid'))).toEqual(areas);
    expect(text(el, 'home-role')).toBe('Administrador del sistema');
  });
});
