import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideTouchedErrorState } from '../../core/http/touched-error-state';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { ReferralDeadlinesPage } from './referral-deadlines.page';

jest.setTimeout(30_000);

describe('ReferralDeadlinesPage', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en'), provideTouchedErrorState(), provideNoopAnimations()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ReferralDeadlinesPage);
    await fixture.whenStable();
    http.expectOne('/api/referrals/deadline-settings').flush({ emergency: 24, urgent: 72, routine: 240, version: 3 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = (u: string) => el.querySelector<HTMLInputElement>(`[data-testid="referral-deadline-${u}"]`)!;
    const type = async (u: string, value: string) => {
      input(u).value = value;
      input(u).dispatchEvent(new Event('input'));
      input(u).dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const save = async () => {
      (el.querySelector('[data-testid="referral-deadlines-save"]') as HTMLButtonElement).click();
      await fixture.whenStable();
    };
    return { http, fixture, el, input, type, save };
  }

  it('shows the current hours and saves all three on the version read', async () => {
    const { http, input, type, save, fixture } = await render();
    expect(['emergency', 'urgent', 'routine'].map((u) => input(u).value)).toEqual(['24', '72', '240']);
    await type('emergency', '12');
    await save();
    const request = http.expectOne('/api/referrals/deadlines');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ emergency: 12, urgent: 72, routine: 240, version: 3 });
    request.flush({ emergency: 12, urgent: 72, routine: 240, version: 4 });
    await fixture.whenStable();
    expect(input('emergency').value).toBe('12');
  });

  it('refuses an hour count out of range before sending, and reloads the current values after a stale save', async () => {
    const { http, type, save, input, el, fixture } = await render();
    await type('urgent', '0');
    await save();
    http.expectNone('/api/referrals/deadlines');
    expect(el.textContent).toContain('The value is too small.');
    await type('urgent', '48');
    await save();
    http.expectOne('/api/referrals/deadlines').flush({ type: 'about:blank', code: 'stale_version', status: 409, currentVersion: 5, changedFields: ['emergency'] }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    http.expectOne('/api/referrals/deadline-settings').flush({ emergency: 6, urgent: 72, routine: 240, version: 5 });
    await fixture.whenStable();
    expect([input('emergency').value, input('urgent').value]).toEqual(['6', '72']);
  });
});
