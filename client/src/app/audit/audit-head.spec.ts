import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuditHeadView } from '@ruta/shared';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { AuditHead } from './audit-head';

const HASH = 'ab12cd34ef56ab78'.repeat(4);
const VIEW: AuditHeadView = {
  head: { seq: '1042', eventId: '1050', hash: HASH, sealedAt: '2026-03-01T15:04:05.000Z' },
  sealed: 1042,
  lastAnchor: { seq: '1040', eventId: '1048', hash: 'f'.repeat(64), events: 1040, at: '2026-03-01T15:04:00.000Z' },
};

describe('AuditHead', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en')] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(view: AuditHeadView) {
    const fixture = TestBed.createComponent(AuditHead);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/audit/head' }).flush(view);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows the newest seal, how many events are sealed, the start of its hash and the last anchor', async () => {
    const { el } = await render(VIEW);
    const seal = el.querySelector('[data-testid="audit-head-seal"]')!;
    expect(seal.textContent).toContain('Latest seal: no. 1042, 1042 events sealed, hash');
    expect(seal.querySelector('code')?.textContent).toBe('ab12cd34ef56ab78…');
    expect(seal.querySelector('code')?.getAttribute('title')).toBe(HASH);
    expect(el.querySelector('[data-testid="audit-head-anchor"]')?.textContent).toMatch(/Last anchor outside the database: Mar 1, 2026.*\(seal no\. 1040\)\./);
  });

  it('says so before the first seal and the first anchor', async () => {
    const { el } = await render({ head: null, sealed: 0, lastAnchor: null });
    expect(el.textContent).toContain('No events sealed yet.');
    expect(el.textContent).toContain('No anchors outside the database yet.');
  });

  it('reads the head again on reload (after a verification)', async () => {
    const { fixture, el } = await render({ head: null, sealed: 0, lastAnchor: null });
    fixture.componentInstance.reload();
    http.expectOne('/api/audit/head').flush(VIEW);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="audit-head-seal"]')?.getAttribute('data-seq')).toBe('1042');
  });
});
