import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { WorklistItem, WorklistPage as Page } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { WorklistPage } from './worklist.page';

const item = (code: string, on: string): WorklistItem => ({ caseCode: code, caseStatus: 'immediate_assistance', on, detail: null });
const page = (items: WorklistItem[], total: number, nextCursor?: string): Page => ({ items, total, limit: 25, ...(nextCursor ? { nextCursor } : {}) });

describe('WorklistPage', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en'), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WorklistPage);
    fixture.componentRef.setInput('kind', 'phase_immediate');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const next = (): TestRequest => http.expectOne((r) => r.url === '/api/assistance/worklist');
    const codes = () => [...el.querySelectorAll('[data-testid="worklist"] code')].map((c) => c.textContent);
    return { fixture, el, next, codes };
  }

  afterEach(() => http.verify());

  it('offers the server\u2019s orders and reloads from the first page with the chosen one, keeping the total and paging', async () => {
    const { fixture, el, next, codes } = await render();
    const first = next();
    expect(first.request.params.get('sort')).toBeNull();
    first.flush(page([item('RT-2026-000001', '2026-01-02')], 2, 'c1'));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="worklist-more"]')!.click();
    const more = next();
    expect(more.request.params.get('cursor')).toBe('c1');
    more.flush(page([item('RT-2026-000002', '2026-01-03')], 2));
    await fixture.whenStable();
    expect(codes()).toEqual(['RT-2026-000001', 'RT-2026-000002']);

    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: '[data-testid="worklist-sort"]' }));
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual(['Oldest first', 'Newest first']);
    await select.clickOptions({ text: 'Newest first' });
    const newest = next();
    expect(newest.request.params.get('sort')).toBe('-date');
    expect(newest.request.params.get('cursor')).toBeNull();
    newest.flush(page([item('RT-2026-000002', '2026-01-03')], 2, 'c2'));
    await fixture.whenStable();
    // The list starts over in the new order (not appended), with the total and the next page.
    expect(codes()).toEqual(['RT-2026-000002']);
    expect(el.querySelector('[data-testid="worklist-total"]')!.textContent).toContain('2');
    el.querySelector<HTMLButtonElement>('[data-testid="worklist-more"]')!.click();
    const after = next();
    expect([after.request.params.get('sort'), after.request.params.get('cursor')]).toEqual(['-date', 'c2']);
    after.flush(page([item('RT-2026-000001', '2026-01-02')], 2));
  });
});
