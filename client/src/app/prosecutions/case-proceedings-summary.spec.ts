import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CaseProceedingSummary } from '@ruta/shared';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { CaseProceedingsSummary } from './case-proceedings-summary';

jest.setTimeout(30_000);

describe('CaseProceedingsSummary', () => {
  async function render(language: 'es' | 'en', items: CaseProceedingSummary[]) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n(language)] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CaseProceedingsSummary);
    fixture.componentRef.setInput('code', 'RT-2026-000007');
    await fixture.whenStable();
    http.expectOne('/api/cases/RT-2026-000007/proceedings-summary').flush(items);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the stage of each defendant and the next hearing by their labels, never the codes', async () => {
    const el = await render('es', [
      { reportedYear: 2025, victimRole: 'victim_witness', stages: ['imputacion', 'juicio_oral'], nextHearing: { at: '2026-12-10T15:00:00Z', type: 'acusacion', court: 'Juzgado 3 Penal de Bogotá' } },
    ]);
    const item = el.querySelector('[data-testid="case-proceeding-summary"]')!.textContent!;
    expect(item).toContain('Proceso penal de 2025');
    expect(item).toContain('Víctima testigo');
    expect(item).toContain('Juicio oral');
    expect(item).toContain('Formulación de acusación');
    expect(item).toContain('Juzgado 3 Penal de Bogotá');
    expect(item).not.toMatch(/juicio_oral|victim_witness|2026-12-10/);
  });

  it('says plainly when the case has no proceeding', async () => {
    const el = await render('en', []);
    expect(el.querySelector('[data-testid="case-proceedings-summary"]')?.textContent).toContain('not linked to any criminal proceeding');
  });
});
