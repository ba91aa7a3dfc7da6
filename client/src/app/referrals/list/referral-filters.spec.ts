import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { ReferralFilters, ReferralFilterValue } from './referral-filters';

const POLICIA = { id: 'i-pol', code: 'policia', name: 'Policía Nacional', type: 'police', active: true, version: 1 };
const OIM = { id: 'i-oim', code: 'oim', name: 'Organización Internacional para las Migraciones', type: 'international', active: true, version: 1 };
const ICBF = { id: 'i-icbf', code: 'icbf', name: 'Instituto Colombiano de Bienestar Familiar', type: 'child_welfare', active: true, version: 1 };

jest.setTimeout(30_000);

describe('ReferralFilters', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en')] });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(newMe({ institution: POLICIA }, ['referrals:read', 'institutions:read']));
    const fixture = TestBed.createComponent(ReferralFilters);
    fixture.componentRef.setInput('box', 'outbox');
    const emitted: ReferralFilterValue[] = [];
    fixture.componentInstance.changed.subscribe((v) => emitted.push(v));
    await fixture.whenStable();
    http.expectOne('/api/institutions').flush([POLICIA, OIM, ICBF]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await fixture.whenStable();
    };
    const institution = () => el.querySelector<HTMLInputElement>('[data-testid="referrals-filter-institution"]')!;
    return { fixture, el, emitted, settle, institution };
  }

  it('offers the other institutions by typed name, optional, and filters by the one picked', async () => {
    const { emitted, settle, institution } = await render();
    expect(institution().required).toBe(false);
    institution().value = 'bienestar';
    institution().dispatchEvent(new Event('input'));
    institution().dispatchEvent(new Event('focusin'));
    await settle();
    const options = Array.from(document.querySelectorAll('[data-testid="referrals-filter-institution-option"]')).map((o) => o.textContent?.trim());
    expect(options).toEqual([ICBF.name]);
    (document.querySelector('[data-testid="referrals-filter-institution-option"]') as HTMLElement).click();
    await settle();
    expect(emitted.at(-1)).toEqual({ institutionId: ICBF.id });
    expect(institution().value).toBe(ICBF.name);
  });

  it('combines the filters, and clearing empties them all, the typed institution too', async () => {
    const { fixture, el, emitted, settle, institution } = await render();
    const form = (fixture.componentInstance as unknown as { form: { patchValue: (v: object) => void } }).form;
    form.patchValue({ status: 'sent', urgency: 'emergency', purpose: 'lodging', overdue: true, institutionId: OIM.id });
    await settle();
    expect(emitted.at(-1)).toEqual({ status: 'sent', urgency: 'emergency', purpose: 'lodging', overdue: true, institutionId: OIM.id });
    institution().value = OIM.name;
    institution().dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="referrals-filter-clear"]') as HTMLButtonElement).click();
    await settle();
    expect(emitted.at(-1)).toEqual({});
    expect(institution().value).toBe('');
  });
});
