import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { Permission } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTouchedErrorState } from '../../core/http/touched-error-state';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { ReferDialog } from './refer.dialog';

const CODE = 'RT-2026-000001';
const POLICIA = { id: 'i-pol', code: 'policia', name: 'Policía Nacional', type: 'police', active: true, version: 1 };
const OIM = { id: 'i-oim', code: 'oim', name: 'Organización Internacional para las Migraciones', type: 'international', active: true, version: 1 };
const CHECK = '/api/referrals/consent-check';

// In English: the date pipe needs no registered locale (en-US is built in). The first render compiles Material's dialog, autocomplete and checkbox: slow on a loaded machine.
jest.setTimeout(30_000);

describe('ReferDialog', () => {
  let http: HttpTestingController;
  let closed: unknown;

  async function render(permissions: Permission[]) {
    closed = undefined;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestI18n('en'),
        provideTouchedErrorState(),
        { provide: MAT_DIALOG_DATA, useValue: { caseCode: CODE, ownerInstitutionId: POLICIA.id } },
        { provide: MatDialogRef, useValue: { close: (value: unknown) => (closed = value) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(newMe({ institution: POLICIA }, permissions));
    const fixture = TestBed.createComponent(ReferDialog);
    await fixture.whenStable();
    http.expectOne('/api/institutions').flush([POLICIA, OIM]);
    http.expectOne('/api/referrals/deadlines').flush({ emergency: 24, urgent: 72, routine: 240, version: 1 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const find = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await fixture.whenStable();
    };
    const type = async (id: string, value: string) => {
      const box = find<HTMLInputElement | HTMLTextAreaElement>(id)!;
      box.value = value;
      box.dispatchEvent(new Event('input'));
      box.dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const tick = async (id: string) => {
      find(id)!.querySelector('input')!.click();
      await fixture.whenStable();
    };
    // Material selects are driven through their controls here; the journey picks them from the keyboard.
    const form = (fixture.componentInstance as unknown as { form: { controls: Record<string, { setValue(v: string): void }> } }).form;
    return { fixture, el, find, type, tick, settle, form };
  }

  afterEach(() => http.verify());

  it('checks the consent live for the chosen institution and sections, and sends with the consent', async () => {
    const { find, type, tick, settle, form, fixture } = await render(['referrals:manage']);
    await type('refer-to', 'organizacion internacional para las migraciones');
    await settle();
    expect(http.expectOne(CHECK).request.body).toEqual({ caseCode: CODE, toInstitutionId: OIM.id, sections: ['summary'] });
    await tick('refer-section-identity');
    await settle();
    const check = http.expectOne(CHECK);
    expect(check.request.body.sections).toEqual(['summary', 'identity']);
    check.flush({ consent: { id: 'c-1', grantedAt: '2026-11-20T00:00:00Z' }, gatedSections: ['identity'], allowed: true, canOverride: false });
    await fixture.whenStable();
    expect(find('refer-consent-ok')?.textContent).toContain('covers this institution');
    form.controls['purpose'].setValue('lodging');
    form.controls['urgency'].setValue('urgent');
    await fixture.whenStable();
    expect(find('refer-deadline')?.textContent).toContain('Response deadline');
    find('refer-send')!.click();
    const sent = http.expectOne({ method: 'POST', url: '/api/referrals' });
    expect(sent.request.body).toEqual({ caseCode: CODE, toInstitutionId: OIM.id, purpose: 'lodging', urgency: 'urgent', sections: ['summary', 'identity'] });
    sent.flush({ id: 'ref-1', to: OIM });
    expect(closed).toEqual({ id: 'ref-1', to: OIM });
  });

  it('names the missing consent and offers no override without referrals:override', async () => {
    const { find, type, tick, settle, fixture } = await render(['referrals:manage']);
    await tick('refer-section-situation');
    await type('refer-to', OIM.name);
    await settle();
    http.expectOne(CHECK).flush({ consent: null, gatedSections: ['situation'], allowed: false, canOverride: false });
    await fixture.whenStable();
    expect(find('refer-consent-missing')?.textContent).toContain('Trafficking situation');
    expect(find('refer-override')).toBeNull();
  });

  it('lets a user with referrals:override send without consent only with a legal ground and a justification', async () => {
    const { find, type, tick, settle, form, fixture } = await render(['referrals:manage', 'referrals:override']);
    await tick('refer-section-identity');
    await type('refer-to', OIM.name);
    await settle();
    http.expectOne(CHECK).flush({ consent: null, gatedSections: ['identity'], allowed: true, canOverride: true });
    await fixture.whenStable();
    await tick('refer-override');
    form.controls['purpose'].setValue('protection');
    form.controls['urgency'].setValue('emergency');
    await settle();
    http.expectNone(CHECK);
    find('refer-send')!.click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/referrals' });
    form.controls['ground'].setValue('child_at_risk');
    await type('refer-justification', 'Niña sola en terminal de transporte');
    find('refer-send')!.click();
    expect(http.expectOne({ method: 'POST', url: '/api/referrals' }).request.body).toEqual({
      caseCode: CODE,
      toInstitutionId: OIM.id,
      purpose: 'protection',
      urgency: 'emergency',
      sections: ['summary', 'identity'],
      override: { ground: 'child_at_risk', justification: 'Niña sola en terminal de transporte' },
    });
  });
});
