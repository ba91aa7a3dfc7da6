import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { AppealView, DefendantView, nextStages } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { AppealsPanel } from './appeals-panel';

const formOf = (component: AppealsPanel) => (component as unknown as { form: FormGroup }).form;

const defendant = (id: string, label: string, name: string | null): DefendantView => ({
  id,
  trafficker: name ? { id: `t-${id}`, name } : null,
  label,
  sex: 'male',
  nationality: 'CO',
  stage: 'sentencia_condenatoria',
  stageSince: '2026-01-10',
  detention: false,
  sentence: null,
  history: [],
  moves: nextStages('sentencia_condenatoria'),
  version: 2,
});

const DEFENDANTS = [defendant('d1', '#1', 'Ramiro Ficticio'), defendant('d2', '#2', 'Sonia Ficticia')];
const APPEALS: AppealView[] = [
  { id: 'a1', defendantId: 'd2', filedOn: '2026-02-01', appellant: 'defence', decision: 'confirmed', decidedOn: '2026-03-15', version: 1 },
  { id: 'a2', defendantId: 'd2', filedOn: '2026-02-03', appellant: 'victim', decision: 'pending', decidedOn: null, version: 1 },
];

describe('AppealsPanel', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es'), provideNoopAnimations()],
    });
    TestBed.inject(AuthStore).setMe(newMe({}, ['proceedings:read', 'proceedings:manage']));
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(appeals: AppealView[] = APPEALS) {
    const fixture = TestBed.createComponent(AppealsPanel);
    fixture.componentRef.setInput('proceedingId', 'p1');
    fixture.componentRef.setInput('appeals', appeals);
    fixture.componentRef.setInput('defendants', DEFENDANTS);
    await fixture.whenStable();
    return fixture;
  }

  it('lists the appeals under their defendant, by their labels', async () => {
    const el = (await render()).nativeElement as HTMLElement;
    const list = el.querySelector('[data-testid="appeals-list"]')!;
    expect(list.textContent).toContain('Sonia Ficticia');
    expect(list.textContent).not.toContain('Ramiro Ficticio');
    const items = Array.from(list.querySelectorAll('[data-testid="appeal"]')).map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Defensa');
    expect(items[0]).toContain('Confirmada');
    expect(items[1]).toContain('Representante de víctimas');
    expect(items[1]).toContain('Pendiente');
    expect(list.textContent).not.toContain('confirmed');
  }, 30_000);

  it('records a decided appeal with its decision date, and a pending one without', async () => {
    const fixture = await render([]);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('Aún no hay apelaciones.');
    formOf(fixture.componentInstance).patchValue({ defendantId: 'd1', filedOn: '2026-02-01', appellant: 'prosecution', decision: 'revoked', decidedOn: '2026-03-01' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="appeal-decided-on"]')).not.toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid="appeal-save"]')!.click();
    const decided = http.expectOne({ method: 'POST', url: '/api/proceedings/p1/appeals' });
    expect(decided.request.body).toEqual({ defendantId: 'd1', filedOn: '2026-02-01', appellant: 'prosecution', decision: 'revoked', decidedOn: '2026-03-01' });
    decided.flush({});
    await fixture.whenStable();

    formOf(fixture.componentInstance).patchValue({ defendantId: 'd2', filedOn: '2026-02-01', appellant: 'defence', decision: 'pending', decidedOn: '2026-03-01' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="appeal-decided-on"]')).toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid="appeal-save"]')!.click();
    const pending = http.expectOne({ method: 'POST', url: '/api/proceedings/p1/appeals' });
    expect(pending.request.body).toEqual({ defendantId: 'd2', filedOn: '2026-02-01', appellant: 'defence', decision: 'pending' });
    pending.flush({});
  }, 30_000);

  it('sends nothing for a decided appeal without its decision date', async () => {
    const fixture = await render([]);
    formOf(fixture.componentInstance).patchValue({ defendantId: 'd1', filedOn: '2026-02-01', appellant: 'defence', decision: 'confirmed', decidedOn: '' });
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="appeal-save"]')!.click();
    http.expectNone('/api/proceedings/p1/appeals');
  }, 30_000);
});
