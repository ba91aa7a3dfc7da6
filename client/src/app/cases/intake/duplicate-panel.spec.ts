import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DuplicateHint } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { DuplicatePanel } from './duplicate-panel';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DuplicatePanel],
  template: `<ruta-duplicate-panel [hints]="hints()" (proceed)="proceeded = proceeded + 1" />`,
})
class Host {
  readonly hints = signal<DuplicateHint[]>([]);
  proceeded = 0;
}

const elsewhere: DuplicateHint = { institution: { id: 'i-2', code: 'das', name: 'DAS' }, matchedOn: 'document', code: null };
const visible: DuplicateHint = { institution: { id: 'i-1', code: 'policia', name: 'Policía Nacional' }, matchedOn: 'name_birth_date', code: 'RT-2026-000007' };

describe('DuplicatePanel', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([]), provideTestI18n('es')] }));

  async function render(hints: DuplicateHint[]) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.hints.set(hints);
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
});
