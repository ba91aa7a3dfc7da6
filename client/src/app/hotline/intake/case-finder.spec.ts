import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { By } from '@angular/platform-browser';
import { CaseSummaryView, Permission } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { CaseFinder, caseSearchOf } from './case-finder';

// The first render compiles Material's autocomplete: slow on a loaded machine.
jest.setTimeout(30_000);

describe('caseSearchOf', () => {
  it('searches a case code, upper-cased, when the text has a digit', () => {
    expect(caseSearchOf(' rt-2026-000123 ', false)).toEqual({ code: 'RT-2026-000123', limit: 8 });
  });
  it('searches a name only for a role that reads identity, from three letters', () => {
    expect(caseSearchOf('Rosa', true)).toEqual({ name: 'Rosa', limit: 8 });
    expect(caseSearchOf('Rosa', false)).toBeNull();
    expect(caseSearchOf('Ro', true)).toBeNull();
  });
  it('waits for more than a few characters of a code', () => {
    expect(caseSearchOf('RT-2', true)).toEqual({ code: 'RT-2', limit: 8 });
    expect(caseSearchOf('R2', true)).toBeNull();
  });
});

const FOUND = { code: 'RT-2026-000042', victimName: 'Rosa Ficticia', ageBand: null, status: 'registered' } as unknown as CaseSummaryView;

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CaseFinder],
  template: `<ruta-case-finder [(picked)]="picked" />`,
})
class Host {
  readonly picked = signal<CaseSummaryView | null>(null);
}

describe('CaseFinder', () => {
  let http: HttpTestingController;

  async function render(permissions: Permission[]) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(newMe({}, permissions));
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const find = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    const type = async (text: string) => {
      const box = find<HTMLInputElement>('case-finder')!;
      box.focus();
      box.value = text;
      box.dispatchEvent(new Event('input'));
      await new Promise((resolve) => setTimeout(resolve, 300)); // the search waits 250 ms for the typing to pause
      await fixture.whenStable();
    };
    return { fixture, el, find, type };
  }

  afterEach(() => http.verify());

  it('tells an operator that it searches by case code only, and sends no name search', async () => {
    const { find, el, type } = await render(['hotline:manage', 'cases:read']);
    expect(el.querySelector('mat-label')!.textContent).toContain('por su código');
    expect(find('case-finder-hint')!.textContent).toContain('Solo por código del caso');
    await type('Rosa Ficticia');
    http.expectNone('/api/cases/search');
    expect(find('case-finder-hint')!.textContent).toContain('Su rol no busca por nombre');
  });

  it('lets a role that reads identity search by the victim’s name', async () => {
    const { find, el, type, fixture } = await render(['hotline:manage', 'cases:read', 'victim_identity:read']);
    expect(el.querySelector('mat-label')!.textContent).toContain('por código o nombre');
    expect(find('case-finder-hint')!.textContent).toContain('nombre de la víctima');
    await type('Rosa Fic');
    const request = http.expectOne('/api/cases/search');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'Rosa Fic', limit: 8 });
    request.flush({ items: [FOUND], nextCursor: null, total: 1 });
    await fixture.whenStable();
    expect(document.querySelector(`[data-testid="case-finder-${FOUND.code}"]`)?.textContent).toContain('Rosa Ficticia');
  });

  it('gives the focus to the picked case, so the intake’s shortcuts keep working, and Ctrl+Enter picks an offered case', async () => {
    const { find, type, fixture } = await render(['hotline:manage', 'cases:read']);
    await type('rt-2026-000042');
    http.expectOne('/api/cases/search').flush({ items: [FOUND], nextCursor: null, total: 1 });
    await fixture.whenStable();
    // As in a browser where the box has the focus: the panel offers the case, its first option active.
    fixture.debugElement.query(By.directive(MatAutocompleteTrigger)).injector.get(MatAutocompleteTrigger).openPanel();
    await fixture.whenStable();
    const box = find<HTMLInputElement>('case-finder')!;
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await fixture.whenStable();
    expect(fixture.componentInstance.picked()?.code).toBe(FOUND.code);
    expect(find('case-finder-picked')!.textContent).toContain(FOUND.code);
    expect(document.activeElement).toBe(find('case-finder-clear'));
  });
});
