import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CaseNoteView, Problem } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTouchedErrorState } from '../../core/http/touched-error-state';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { NotesPanel } from './notes-panel';

const NOTES = '/api/cases/RT-2026-000001/notes';

function newNote(body: string): CaseNoteView {
  return {
    id: `n-${body}`,
    body,
    restricted: false,
    author: { id: 'u-1', name: 'Ana' },
    authorInstitution: { id: 'i-1', code: 'mininterior', name: 'Ministerio del Interior' },
    createdAt: '2026-03-01T10:00:00Z',
  };
}

describe('NotesPanel', () => {
  let http: HttpTestingController;

  // In English: the date pipe needs no registered locale (en-US is built in).
  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en'), provideTouchedErrorState()] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(newMe({}, ['notes:read', 'notes:create']));
    const fixture = TestBed.createComponent(NotesPanel);
    fixture.componentRef.setInput('code', 'RT-2026-000001');
    await fixture.whenStable();
    http.expectOne(NOTES).flush([]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const find = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`)!;
    const write = (value: string) => {
      find<HTMLTextAreaElement>('note-body').value = value;
      find('note-body').dispatchEvent(new Event('input'));
    };
    const add = async () => {
      find('note-add').click();
      await fixture.whenStable();
    };
    return { fixture, el, find, write, add };
  }

  afterEach(() => http.verify());

  it('does not send an empty or blank note', async () => {
    const { write, add } = await render();
    await add();
    write('   ');
    await add();
    http.expectNone({ method: 'POST', url: NOTES });
  });

  it('adds a note, empties the form and can add another', async () => {
    const { fixture, el, find, write, add } = await render();
    write('  Primera entrevista  ');
    await add();
    const request = http.expectOne({ method: 'POST', url: NOTES });
    expect(request.request.body).toEqual({ body: 'Primera entrevista', restricted: false });
    expect(find<HTMLButtonElement>('note-add').disabled).toBe(true);
    request.flush([newNote('Primera entrevista')]);
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="note"]')).toHaveLength(1);
    expect(find<HTMLTextAreaElement>('note-body').value).toBe('');
    expect(find<HTMLButtonElement>('note-add').disabled).toBe(false);
    // The emptied box is not red "required": the form starts clean for the next note.
    expect(el.querySelector('.mat-form-field-invalid')).toBeNull();
    expect(el.querySelector('mat-error')).toBeNull();
  });

  it('shows a field error from the server under the text', async () => {
    const { fixture, el, write, add } = await render();
    write('Nota');
    await add();
    const problem: Problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      requestId: 'r-1',
      errors: [{ field: 'body', code: 'maxLength', message: 'too long' }],
    };
    http.expectOne({ method: 'POST', url: NOTES }).flush(problem, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent).toContain('The value is too long.');
  });
});
