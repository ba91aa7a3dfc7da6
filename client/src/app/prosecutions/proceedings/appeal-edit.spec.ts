import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { AppealView } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { AppealEdit } from './appeal-edit';

const formOf = (component: AppealEdit) => (component as unknown as { form: FormGroup }).form;
const APPEAL: AppealView = { id: 'a1', defendantId: 'd1', filedOn: '2026-02-01', appellant: 'defence', decision: 'pending', decidedOn: null, version: 3 };

describe('AppealEdit', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es'), provideNoopAnimations()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open() {
    const fixture = TestBed.createComponent(AppealEdit);
    fixture.componentRef.setInput('proceedingId', 'p1');
    fixture.componentRef.setInput('appeal', APPEAL);
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="appeal-edit-a1"]')!.click();
    await fixture.whenStable();
    return fixture;
  }

  it('records the decision with its date and the version the appeal was read at', async () => {
    const fixture = await open();
    const emitted: unknown[] = [];
    fixture.componentInstance.saved.subscribe((v) => emitted.push(v));
    formOf(fixture.componentInstance).patchValue({ decision: 'revoked', decidedOn: '2026-03-01' });
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="appeal-edit-save-a1"]')!.click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/proceedings/p1/appeals/a1' });
    expect(request.request.body).toEqual({ version: 3, filedOn: '2026-02-01', appellant: 'defence', decision: 'revoked', decidedOn: '2026-03-01' });
    request.flush({ id: 'p1' });
    expect(emitted).toEqual([{ id: 'p1' }]);
  }, 30_000);

  it('asks for the decision date before sending, and hands a stale version to the page', async () => {
    const fixture = await open();
    const emitted: unknown[] = [];
    fixture.componentInstance.saved.subscribe((v) => emitted.push(v));
    formOf(fixture.componentInstance).patchValue({ decision: 'confirmed' });
    await fixture.whenStable();
    const save = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="appeal-edit-save-a1"]')!.click();
    save();
    http.expectNone('/api/proceedings/p1/appeals/a1');
    formOf(fixture.componentInstance).patchValue({ decidedOn: '2026-03-01' });
    save();
    http.expectOne({ method: 'PATCH', url: '/api/proceedings/p1/appeals/a1' }).flush({ type: 'about:blank', title: 'Conflict', status: 409, code: 'stale_version' }, { status: 409, statusText: 'Conflict' });
    expect(emitted).toEqual(['stale']);
  }, 30_000);
});
