import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DuplicateHint, Permission } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { distinctHints, DuplicatePanel } from './duplicate-panel';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DuplicatePanel],
  template: `<ruta-duplicate-panel [hints]="hints()" [caseExists]="caseExists()" [requestedInstitutions]="requested()" (proceed)="proceeded = proceeded + 1" (requestLink)="asked.push($event)" />`,
})
class Host {
  readonly hints = signal<DuplicateHint[]>([]);
  readonly caseExists = signal(false);
  readonly requested = signal<string[]>([]);
  proceeded = 0;
  asked: DuplicateHint[] = [];
}

const elsewhere: DuplicateHint = { institution: { id: 'i-2', code: 'das', name: 'DAS' }, matchedOn: 'document', code: null };
const visible: DuplicateHint = { institution: { id: 'i-1', code: 'policia', name: 'Policía Nacional' }, matchedOn: 'name_birth_date', code: 'RT-2026-000007' };

describe('DuplicatePanel', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')] }));

  async function render(hints: DuplicateHint[], options: { caseExists?: boolean; requested?: string[]; permissions?: Permission[] } = {}) {
    TestBed.inject(AuthStore).setMe(newMe({}, options.permissions ?? ['cases:update']));
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.hints.set(hints);
    fixture.componentInstance.caseExists.set(options.caseExists ?? false);
    fixture.componentInstance.requested.set(options.requested ?? []);
    await fixture.whenStable();
    return fixture;
  }

  it('shows nothing when there is no possible duplicate', async () => {
    const fixture = await render([]);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="duplicate-panel"]')).toBeNull();
  });

  it('names only the institution holding a case outside the user scope', async () => {
    const fixture = await render([elsewhere]);
    const panel = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="duplicate-panel"]')!;
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.textContent).toContain('Posible duplicado en DAS');
    expect(panel.textContent).toContain('mismo número de documento');
    expect(panel.querySelector('a')).toBeNull();
  });

  it('links a case the user can already see by its code, never by a name', async () => {
    const fixture = await render([visible]);
    const link = (fixture.nativeElement as HTMLElement).querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/casos/RT-2026-000007');
  });

  it('lets the user continue with the intake', async () => {
    const fixture = await render([elsewhere, visible]);
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="duplicate-continue"]')!.click();
    expect(fixture.componentInstance.proceeded).toBe(1);
  });

  it('offers no link request before the case exists', async () => {
    const fixture = await render([elsewhere]);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="duplicate-request-link"]')).toBeNull();
  });

  it('asks the holding institution to link once the case exists, only for hints outside the scope', async () => {
    const fixture = await render([elsewhere, visible], { caseExists: true });
    const buttons = (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLButtonElement>('[data-testid="duplicate-request-link"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].textContent).toContain('Solicitar vinculación');
    buttons[0].click();
    expect(fixture.componentInstance.asked).toEqual([elsewhere]);
  });

  it('shows an institution already asked as requested, and hides the action from roles that cannot update cases', async () => {
    const asked = await render([elsewhere], { caseExists: true, requested: ['i-2'] });
    expect((asked.nativeElement as HTMLElement).querySelector('[data-testid="duplicate-requested"]')?.textContent).toContain('Vinculación solicitada');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')] });
    const readOnly = await render([elsewhere], { caseExists: true, permissions: ['cases:read'] });
    expect((readOnly.nativeElement as HTMLElement).querySelector('[data-testid="duplicate-request-link"]')).toBeNull();
  });

  it('lists each case once: the same case found by document and by name shows one line, matched on the document', async () => {
    const byName: DuplicateHint = { ...visible, matchedOn: 'name_birth_date' };
    const byDocument: DuplicateHint = { ...visible, matchedOn: 'document' };
    const fixture = await render([byName, byDocument, elsewhere, { ...elsewhere }]);
    const items = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="duplicate-hint"]')].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items.filter((text) => text.includes('RT-2026-000007'))).toHaveLength(1);
    expect(distinctHints([byName, byDocument])).toEqual([byDocument]);
  });
});
