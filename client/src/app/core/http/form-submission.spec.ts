import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { of, throwError } from 'rxjs';
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
});
