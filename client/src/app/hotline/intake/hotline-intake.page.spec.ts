import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { CaseSummaryView } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { CaseFinder } from './case-finder';
import { HotlineIntakePage } from './hotline-intake.page';

// The first render compiles every Material control of the intake: slow on a loaded machine.
jest.setTimeout(30_000);

const CASE = { code: 'RT-2026-000042', victimName: null, ageBand: null, status: 'registered' } as unknown as CaseSummaryView;
const SAVED = { id: '0b6f3c1e-0000-4000-8000-000000000001', code: 'LN-2026-000101', version: 1, caseCode: null };

describe('HotlineIntakePage shortcuts', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es'), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(newMe({}, ['hotline:manage', 'cases:read', 'cases:create']));
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(HotlineIntakePage);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    for (const list of ['/api/places/departments', '/api/places/municipalities', '/api/places/countries']) http.match(list).forEach((r) => r.flush([]));
    // The call's two required choices, as the type-aheads set them.
    fixture.componentInstance['form'].patchValue({ callType: 'tip', callerType: 'relative' });
    await fixture.whenStable();
    const ctrlEnter = (target: EventTarget) => target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    return { fixture, ctrlEnter };
  }

  afterEach(() => http.verify());

  it('saves with Ctrl+Enter from a field of the form', async () => {
    const { fixture, ctrlEnter } = await render();
    ctrlEnter((fixture.nativeElement as HTMLElement).querySelector('[data-testid="summary"]')!);
    const create = http.expectOne('/api/hotline/contacts');
    expect(create.request.body).toMatchObject({ callType: 'tip', callerType: 'relative' });
    create.flush(SAVED);
  });

  it('saves with Ctrl+Enter right after a case is picked, linking the call to it', async () => {
    const { fixture, ctrlEnter } = await render();
    fixture.debugElement.query(By.directive(CaseFinder)).componentInstance['pick'](CASE);
    await fixture.whenStable();
    ctrlEnter(document.activeElement ?? document.body);
    http.expectOne('/api/hotline/contacts').flush(SAVED);
    const link = http.expectOne(`/api/hotline/contacts/${SAVED.id}/outcome`);
    expect(link.request.body).toEqual({ version: 1, outcome: 'linked_case', caseCode: CASE.code });
    link.flush({ ...SAVED, version: 2, caseCode: CASE.code });
  });

  it('saves with Ctrl+Enter when the focus has dropped to the page, and ignores it from outside the intake', async () => {
    const { ctrlEnter } = await render();
    const outside = document.createElement('button');
    document.body.appendChild(outside);
    ctrlEnter(outside);
    http.expectNone('/api/hotline/contacts');
    outside.remove();
    ctrlEnter(document.body);
    http.expectOne('/api/hotline/contacts').flush(SAVED);
  });
});
