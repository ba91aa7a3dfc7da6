import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { Language } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { rawValuesIn } from '../../core/i18n/readable-values.testing';
import { buildEventGroup } from '../trafficking-event-form';
import { buildIntakeForm } from './intake-form';
import { ReviewStep } from './review-step';

describe('ReviewStep: recorded values by name, in the user language, never as codes or ISO dates', () => {
  async function render(language: Language) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n(language)] });
    const http = TestBed.inject(HttpTestingController);
    const fb = TestBed.inject(NonNullableFormBuilder);
    const form = buildIntakeForm(fb, '2026-03-01');
    form.controls.case.patchValue({ source: 'police_operation', identifiedOn: '2026-02-20' });
    form.controls.victim.patchValue({ givenNames: 'Ana', familyNames: 'Ficticia', birthDate: '2010-03-15', nationality: 'ES' });
    form.controls.situation.controls.events.push(buildEventGroup(fb, { kind: 'recruitment', countryCode: 'CO', municipalityCode: '76001' }));
    form.controls.situation.controls.events.push(buildEventGroup(fb, { kind: 'exploitation', countryCode: 'ES', city: 'Madrid' }));
    form.controls.consents.at(0).patchValue({ granted: true, grantedBy: 'self', grantedAt: '2026-02-21' });
    const fixture = TestBed.createComponent(ReviewStep);
    fixture.componentRef.setInput('value', form.getRawValue());
    await fixture.whenStable();
    http.expectOne('/api/places/countries').flush([
      { code: 'CO', nameEs: 'Colombia', nameEn: 'Colombia' },
      { code: 'ES', nameEs: 'España', nameEn: 'Spain' },
    ]);
    http.expectOne('/api/places/departments').flush([{ code: '76', name: 'Valle del Cauca' }]);
    await fixture.whenStable();
    http.expectOne('/api/places/departments/76/municipalities').flush([{ code: '76001', name: 'Santiago de Cali', departmentCode: '76' }]);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows countries, places and dates by name in Spanish (es-CO)', async () => {
    const el = await render('es');
    const text = el.textContent ?? '';
    expect(text).toContain('15 de mar de 2010');
    expect(text).toContain('20 de feb de 2026');
    expect(text).toContain('La víctima, 21 de feb de 2026');
    expect(el.querySelector('[data-testid="review-nationality"]')?.textContent?.trim()).toBe('España');
    expect(text).toContain('Santiago de Cali, Valle del Cauca');
    expect(text).toContain('Madrid, España');
    expect(rawValuesIn(el)).toEqual([]);
  });

  it('and in English', async () => {
    const el = await render('en');
    expect(el.textContent).toContain('Mar 15, 2010');
    expect(el.querySelector('[data-testid="review-nationality"]')?.textContent?.trim()).toBe('Spain');
    expect(el.textContent).toContain('Madrid, Spain');
    expect(rawValuesIn(el)).toEqual([]);
  });
});

describe('rawValuesIn', () => {
  it('finds ISO dates, DIVIPOLA codes and bare country codes in values', () => {
    const el = document.createElement('div');
    el.innerHTML = '<dl><dd>2010-03-15</dd><dd>CO</dd><dd>Reclutamiento (76001)</dd><dd>15 mar 2010</dd><dd>Santiago de Cali</dd></dl>';
    expect(rawValuesIn(el)).toEqual(['2010-03-15 in "2010-03-15"', 'CO in "CO"', '76001 in "Reclutamiento (76001)"']);
  });
});
