import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { DefendantView, nextStages, planStageMove, ProsecutionFieldError } from '@ruta/shared';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { LanguageService } from '../core/i18n/language.service';
import { ProceedingFormPage } from './proceedings/proceeding-form.page';
import { DefendantMove } from './proceedings/defendant-move';

const formOf = (component: object) => (component as unknown as { form: FormGroup }).form;

const DEFENDANT: DefendantView = {
  id: 'd1',
  trafficker: { id: 't1', name: 'Ficticio' },
  label: '#1',
  sex: 'male',
  nationality: 'CO',
  stage: 'noticia_criminal',
  stageSince: '2019-03-01',
  detention: false,
  sentence: null,
  history: [],
  moves: nextStages('noticia_criminal'),
  version: 1,
};

/** What the server answers (problem+json), with its English fallback message. */
const problem = (status: number, code: string, errors: ProsecutionFieldError[]) => ({ type: 'about:blank', title: 'Refused', status, code, detail: errors[0].message, requestId: 'r1', errors });

describe('prosecutions errors in the user’s language', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es'), provideNoopAnimations(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('words an invalid noticia criminal number in Spanish, then in English when switched', async () => {
    const fixture = TestBed.createComponent(ProceedingFormPage);
    await fixture.whenStable();
    formOf(fixture.componentInstance).patchValue({ nunc: '110016000050209912345', reportedOn: '2019-03-01', prosecutorUnit: 'Unidad', prosecutorName: 'Fiscal' });
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('[data-testid="proceeding-save"]')!.click();
    http.expectOne({ method: 'POST', url: '/api/proceedings' }).flush(
      problem(400, 'validation_failed', [
        { field: 'nunc', code: 'nunc_year', message: 'Digits 13 to 16 of the noticia criminal number are its year: 2099 is not between 1991 and 2026', params: { year: 2099, currentYear: 2026 } },
      ]),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const error = () => el.querySelector('mat-error')?.textContent?.trim();
    expect(error()).toBe('Los dígitos 13 a 16 del número de noticia criminal son su año: 2099 no está entre 1991 y 2026.');

    TestBed.inject(LanguageService).apply('en');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(error()).toBe('Digits 13 to 16 of the crime report number are its year: 2099 is not between 1991 and 2026.');
  }, 30_000);

  it('words a municipality that is not in DIVIPOLA with the digits given', async () => {
    const fixture = TestBed.createComponent(ProceedingFormPage);
    await fixture.whenStable();
    formOf(fixture.componentInstance).patchValue({ nunc: '000016000050201912345', reportedOn: '2019-03-01', prosecutorUnit: 'Unidad', prosecutorName: 'Fiscal' });
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('[data-testid="proceeding-save"]')!.click();
    http.expectOne({ method: 'POST', url: '/api/proceedings' }).flush(
      problem(400, 'validation_failed', [{ field: 'nunc', code: 'nunc_divipola', message: 'The first five digits (00001) are not a DIVIPOLA municipality', params: { municipality: '00001' } }]),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Los cinco primeros dígitos del número de noticia criminal (00001) no son un municipio de la DIVIPOLA.');
  }, 30_000);

  it('words an illegal stage jump in Spanish, naming the stages by their labels, then in English', async () => {
    const fixture = TestBed.createComponent(DefendantMove);
    fixture.componentRef.setInput('proceedingId', 'p1');
    fixture.componentRef.setInput('defendant', DEFENDANT);
    await fixture.whenStable();
    // Another screen moved the defendant on; this one still offers the old move.
    formOf(fixture.componentInstance).patchValue({ to: 'indagacion', on: '2019-03-10' });
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('[data-testid="defendant-move-save-#1"]')!.click();
    const refusal = planStageMove('noticia_criminal', 'juicio_oral');
    if (refusal.ok) throw new Error('the jump must be refused');
    http.expectOne({ method: 'POST', url: '/api/proceedings/p1/defendants/d1/transitions' }).flush(
      problem(409, 'stage_not_allowed', [{ field: 'to', code: refusal.code, message: refusal.message, params: refusal.params }]),
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    const text = () => el.textContent ?? '';
    expect(text()).toContain('De Noticia criminal un procesado no puede pasar a Juicio oral. Puede seguir: Indagación.');
    expect(text()).not.toContain('a defendant cannot go');

    TestBed.inject(LanguageService).apply('en');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text()).toContain('From Crime report a defendant cannot go to Trial. Next can be: Preliminary inquiry.');
  }, 30_000);
});
