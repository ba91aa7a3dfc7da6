import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DefendantView, nextStages } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { DefendantMove } from './defendant-move';

const formOf = (component: DefendantMove) => (component as unknown as { form: FormGroup }).form;

const DEFENDANT: DefendantView = {
  id: 'd1',
  trafficker: { id: 't1', name: 'Ficticio' },
  label: '#1',
  sex: 'male',
  nationality: 'CO',
  stage: 'investigacion',
  stageSince: '2026-01-10',
  detention: true,
  sentence: null,
  history: [],
  moves: nextStages('investigacion'),
  version: 4,
};

describe('DefendantMove', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es'), provideNoopAnimations()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(DefendantMove);
    fixture.componentRef.setInput('proceedingId', 'p1');
    fixture.componentRef.setInput('defendant', DEFENDANT);
    await fixture.whenStable();
    return fixture;
  }

  it('sends a preacuerdo with the sentence when a charged defendant goes straight to a conviction', async () => {
    const fixture = await render();
    formOf(fixture.componentInstance).patchValue({ to: 'sentencia_condenatoria', on: '2026-02-01', shortcut: 'preacuerdo', prisonMonths: 96, fineSmlmv: 500 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('Terminación anticipada');
    el.querySelector<HTMLButtonElement>('[data-testid="defendant-move-save-#1"]')!.click();
    const request = http.expectOne({ method: 'POST', url: '/api/proceedings/p1/defendants/d1/transitions' });
    expect(request.request.body).toEqual({ version: 4, to: 'sentencia_condenatoria', on: '2026-02-01', shortcut: 'preacuerdo', sentence: { prisonMonths: 96, fineSmlmv: 500 } });
    request.flush({});
  }, 30_000);

  it('sends an ordinary move with its date only: no shortcut, no sentence, no detention', async () => {
    const fixture = await render();
    formOf(fixture.componentInstance).patchValue({ to: 'acusacion', on: '2026-02-01', shortcut: 'preacuerdo', detention: true, prisonMonths: 12 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).not.toContain('Terminación anticipada');
    el.querySelector<HTMLButtonElement>('[data-testid="defendant-move-save-#1"]')!.click();
    const request = http.expectOne({ method: 'POST', url: '/api/proceedings/p1/defendants/d1/transitions' });
    expect(request.request.body).toEqual({ version: 4, to: 'acusacion', on: '2026-02-01' });
    request.flush({});
  }, 30_000);
});
