import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { buildIntakeForm, IntakeValue } from './intake-form';
import { AUTOSAVE_DELAY_MS, DRAFT_API, IntakeDraft } from './intake-draft';

describe('IntakeDraft', () => {
  let http: HttpTestingController;
  let draft: IntakeDraft;
  let value: IntakeValue;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    draft = TestBed.inject(IntakeDraft);
    const form = buildIntakeForm(TestBed.inject(NonNullableFormBuilder), '2026-03-10');
    form.controls.victim.patchValue({ givenNames: 'Rosalba' });
    value = form.getRawValue();
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('loads the server draft with its step and time', () => {
    let loaded: unknown;
    draft.load().subscribe((d) => (loaded = d));
    http.expectOne({ method: 'GET', url: DRAFT_API }).flush({ step: 2, value, updatedAt: '2026-03-10T15:00:00.000Z' });
    expect(loaded).toEqual({ step: 2, value, savedAt: new Date('2026-03-10T15:00:00.000Z') });
  });

  it('answers null when the server has no draft (404)', () => {
    let loaded: unknown = 'unset';
    draft.load().subscribe((d) => (loaded = d));
    http.expectOne(DRAFT_API).flush({ code: 'not_found' }, { status: 404, statusText: 'Not Found' });
    expect(loaded).toBeNull();
  });

  it('sends one save, with the last value, 2 seconds after the last change', () => {
    draft.save(value, 0);
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS - 500);
    draft.save({ ...value, victim: { ...value.victim, givenNames: 'Rosa' } }, 1);
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    http.expectNone(DRAFT_API);
    expect(draft.status()).toBe('pending');
    jest.advanceTimersByTime(1);
    const put = http.expectOne({ method: 'PUT', url: DRAFT_API });
    expect(put.request.body).toEqual({ step: 1, value: expect.objectContaining({ victim: expect.objectContaining({ givenNames: 'Rosa' }) }) });
    expect(draft.status()).toBe('saving');
    put.flush({ step: 1, updatedAt: '2026-03-10T15:01:00.000Z' });
    expect(draft.status()).toBe('saved');
    expect(draft.savedAt()).toEqual(new Date('2026-03-10T15:01:00.000Z'));
  });

  it('saves at once on a step change', () => {
    draft.save(value, 3, { now: true });
    http.expectOne({ method: 'PUT', url: DRAFT_API }).flush({ step: 3, updatedAt: '2026-03-10T15:01:00.000Z' });
  });

  it('drops a waiting save and deletes the server draft when cleared', () => {
    draft.save(value, 0);
    draft.clear();
    http.expectOne({ method: 'DELETE', url: DRAFT_API }).flush(null, { status: 204, statusText: 'No Content' });
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    http.expectNone({ method: 'PUT', url: DRAFT_API });
    expect(draft.savedAt()).toBeNull();
  });

  it('deletes only after a save already in flight, and the late answer does not show as saved', () => {
    draft.save(value, 0, { now: true });
    const put = http.expectOne({ method: 'PUT', url: DRAFT_API });
    draft.clear();
    http.expectNone({ method: 'DELETE', url: DRAFT_API });
    put.flush({ step: 0, updatedAt: '2026-03-10T15:01:00.000Z' });
    http.expectOne({ method: 'DELETE', url: DRAFT_API }).flush(null, { status: 204, statusText: 'No Content' });
    expect(draft.savedAt()).toBeNull();
    expect(draft.status()).toBe('idle');
  });

  it('forgets a waiting save without deleting the server draft', () => {
    draft.save(value, 0);
    draft.forget();
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    http.expectNone(DRAFT_API);
  });

  it('reports a failed save and keeps working', () => {
    draft.save(value, 0, { now: true });
    http.expectOne(DRAFT_API).flush({ code: 'payload_too_large' }, { status: 413, statusText: 'Payload Too Large' });
    expect(draft.status()).toBe('failed');
    draft.save(value, 0, { now: true });
    http.expectOne(DRAFT_API).flush({ step: 0, updatedAt: '2026-03-10T15:02:00.000Z' });
    expect(draft.status()).toBe('saved');
  });

  it('never writes the draft to localStorage or sessionStorage', () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    draft.save(value, 0, { now: true });
    http.expectOne(DRAFT_API).flush({ step: 0, updatedAt: '2026-03-10T15:02:00.000Z' });
    expect(setItem).not.toHaveBeenCalled();
    setItem.mockRestore();
  });
});
