import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { of, Subject, throwError } from 'rxjs';
import { FormSubmission } from './form-submission';

function problem(status: number, body: object) {
  return throwError(() => new HttpErrorResponse({ status, error: body }));
}

describe('FormSubmission', () => {
  const form = () => new FormGroup({ name: new FormControl('', Validators.required), email: new FormControl('a@b.co') });

  it('does not send an invalid form and marks its fields touched', () => {
    const f = form();
    const submission = new FormSubmission(f);
    const request = jest.fn(() => of(1));
    submission.submit(request, { done: jest.fn() });
    expect(request).not.toHaveBeenCalled();
    expect(f.controls.name.touched).toBe(true);
  });

  it('puts field errors under their fields and clears the busy flag', () => {
    const f = form();
    f.controls.name.setValue('Ana');
    const submission = new FormSubmission(f);
    submission.submit(() => problem(400, { code: 'validation_failed', errors: [{ field: 'email', code: 'isEmail', message: 'bad' }] }), { done: jest.fn() });
    expect(submission.busy()).toBe(false);
    expect(f.controls.email.errors).toBeTruthy();
  });

  it('hands a stale version to the caller instead of showing an error', () => {
    const f = form();
    f.controls.name.setValue('Ana');
    const submission = new FormSubmission(f);
    const stale = jest.fn();
    submission.submit(() => problem(409, { code: 'stale_version' }), { done: jest.fn(), stale });
    expect(stale).toHaveBeenCalled();
    expect(submission.error()).toBeNull();
  });

  it('reports success', () => {
    const f = form();
    f.controls.name.setValue('Ana');
    const done = jest.fn();
    new FormSubmission(f).submit(() => of('saved'), { done });
    expect(done).toHaveBeenCalledWith('saved');
  });

  it('stays busy after a success by default, so a closing dialog cannot send twice', () => {
    const f = form();
    f.controls.name.setValue('Ana');
    const submission = new FormSubmission(f);
    submission.submit(() => of('saved'), { done: jest.fn() });
    expect(submission.busy()).toBe(true);
  });

  it('is busy while sending and clears the flag after a success when the form stays open', () => {
    const f = form();
    f.controls.name.setValue('Ana');
    const submission = new FormSubmission(f, { staysOpen: true });
    const response = new Subject<string>();
    const done = jest.fn(() => expect(submission.busy()).toBe(false));
    submission.submit(() => response, { done });
    expect(submission.busy()).toBe(true);
    response.next('saved');
    expect(done).toHaveBeenCalledWith('saved');
    expect(submission.busy()).toBe(false);
  });

  it('leaves a form that stays open untouched and pristine after a success, so its next use starts without errors', () => {
    const f = form();
    f.controls.name.setValue('Ana');
    f.markAllAsTouched();
    f.markAsDirty();
    new FormSubmission(f, { staysOpen: true }).submit(() => of('saved'), { done: () => f.reset() });
    expect(f.controls.name.invalid).toBe(true);
    expect(f.touched).toBe(false);
    expect(f.dirty).toBe(false);
  });

  it('tells the caller when the form is refused, here or by the server, but not on a stale version', () => {
    const f = form();
    const rejected = jest.fn();
    const submission = new FormSubmission(f);
    submission.submit(() => of(1), { done: jest.fn(), rejected });
    expect(rejected).toHaveBeenCalledTimes(1);

    f.controls.name.setValue('Ana');
    submission.submit(() => problem(400, { code: 'validation_failed', errors: [{ field: 'email', code: 'isEmail', message: 'bad' }] }), { done: jest.fn(), rejected });
    expect(rejected).toHaveBeenCalledTimes(2);

    const g = form();
    g.controls.name.setValue('Ana');
    new FormSubmission(g).submit(() => problem(409, { code: 'stale_version' }), { done: jest.fn(), stale: jest.fn(), rejected });
    expect(rejected).toHaveBeenCalledTimes(2);
  });

  it('shows an error that matches no field as the form error', () => {
    const f = form();
    f.controls.name.setValue('Ana');
    const submission = new FormSubmission(f);
    submission.submit(() => problem(401, { code: 'invalid_credentials' }), { done: jest.fn() });
    expect(submission.error()).toEqual(expect.objectContaining({ key: 'errors.invalid_credentials' }));
  });
});
