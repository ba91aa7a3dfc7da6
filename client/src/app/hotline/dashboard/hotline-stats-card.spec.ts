import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HotlineStats } from '@ruta/shared';
import { provideEchartsCore } from 'ngx-echarts';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { conversionParams, HotlineStatsCard } from './hotline-stats-card';

jest.setTimeout(30_000);
// jsdom has no ResizeObserver, which the chart directive watches its box with.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
// In English: the number pipe needs no registered locale (en-US is built in).

const STATS: HotlineStats = {
  total: 6,
  perPeriod: [{ key: '2026-11-02', count: 6 }],
  byCallType: [{ key: 'tip', count: 6 }],
  byChannel: [{ key: 'whatsapp', count: 6 }],
  byDepartment: [{ key: '76', count: 4 }, { key: 'abroad', count: 1 }, { key: 'unknown', count: 1 }],
  byPurpose: [{ key: 'forced_labour', count: 2 }],
  byOutcome: [{ key: 'new_case', count: 2 }, { key: 'none', count: 4 }],
  conversion: { tips: 1, referrals: 0, cases: 2, share: 0.5 },
  medianHandlingSeconds: 150,
};

describe('hotline statistics card', () => {
  let http: HttpTestingController;

  async function render(stats: HotlineStats) {
    TestBed.configureTestingModule({
      // The chart library is never loaded here (jsdom has no canvas); the card's text is what is checked.
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en'), provideEchartsCore({ echarts: () => new Promise(() => undefined) })],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HotlineStatsCard);
    await fixture.whenStable();
    const request = http.expectOne((r) => r.url === '/api/hotline/stats');
    expect(request.request.params.get('period')).toBe('week');
    request.flush(stats);
    http.match('/api/places/departments').forEach((r) => r.flush([{ code: '76', name: 'Valle del Cauca' }]));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('shows the conversion, the median and every breakdown in words, never a code', async () => {
    const el = await render(STATS);
    expect(el.querySelector('[data-testid="stats-total"]')!.textContent).toBe('6');
    expect(el.querySelector('[data-testid="stats-median"]')!.textContent).toBe('2.5 min');
    expect(el.querySelector('[data-testid="stats-conversion"]')!.textContent).toBe('Conversion: 1 tips, 0 referrals and 2 cases (50% of the contacts)');
    const departments = el.querySelector('[data-testid="stats-by-department"]')!.textContent!;
    expect(departments).toContain('Valle del Cauca: 4');
    expect(departments).toContain('Abroad: 1');
    expect(departments).toContain('No place: 1');
    expect(departments).not.toMatch(/\b76\b|abroad|unknown/);
    expect(el.querySelector('[data-testid="stats-by-purpose"]')!.textContent).toContain('Forced labour: 2');
    expect(el.textContent).toContain('WhatsApp: 6');
    expect(el.querySelector('[data-testid="hotline-chart"]')).not.toBeNull();
  });

  it('says so when the period has no contacts, instead of an empty chart', async () => {
    const el = await render({ ...STATS, total: 0, perPeriod: [], byCallType: [], byChannel: [], byDepartment: [], byPurpose: [], byOutcome: [], conversion: { tips: 0, referrals: 0, cases: 0, share: null }, medianHandlingSeconds: null });
    expect(el.querySelector('[data-testid="stats-empty"]')!.textContent).toContain('No contacts in the period');
    expect(el.querySelector('[data-testid="hotline-chart"]')).toBeNull();
  });

  it('writes the share as a percentage in the reader’s locale', () => {
    expect(conversionParams({ tips: 1200, referrals: 3, cases: 40, share: 0.1234 }, 'en-US')).toEqual({ tips: '1,200', referrals: '3', cases: '40', share: '12.3%' });
    expect(conversionParams({ tips: 0, referrals: 0, cases: 0, share: null }, 'es-CO').share).toMatch(/^0\s?%$/);
  });
});
