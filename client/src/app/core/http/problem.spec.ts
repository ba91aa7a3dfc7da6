import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Problem } from '@ruta/shared';
import { applyProblemToForm, controlErrorMessage, problemMessage, requestIdOf, toProblem } from './problem';
import { submitErrors } from './submit-errors';

function problem(overrides: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation_failed', requestId: 'req-1', ...overrides };
}

function httpError(body: unknown, status = 400, headers?: HttpHeaders): HttpErrorResponse {
  return new HttpErrorResponse({ error: body, status, headers });
}

function form() {
  return new FormGroup({
    email: new FormControl(''),
    victim: new FormGroup({ birthDate: new FormControl('') }),
  });
}

describe('problem mapping', () => {
  it('reads a problem+json body and its request id', () => {
    const error = httpError(problem({ requestId: 'abc' }));
    expect(toProblem(error)?.code).toBe('validation_failed');
    expect(requestIdOf(error)).toBe('abc');
  });

  it('falls back to the X-Request-Id header when the body is not a problem', () => {
    const error = httpError('<html>', 502, new HttpHeaders({ 'X-Request-Id': 'from-header' }));
    expect(toProblem(error)).toBeNull();
    expect(requestIdOf(error)).toBe('from-header');
  });

  it('puts field errors on the controls at their dotted paths and returns the unmatched ones', () => {
    const target = form();
    const unmatched = applyProblemToForm(
      target,
      problem({
        errors: [
          { field: 'email', code: 'isEmail', message: 'email must be an email' },
          { field: 'victim.birthDate', code: 'isDateString', message: 'bad date' },
          { field: 'nickname', code: 'unknownField', message: 'property nickname should not exist' },
        ],
      }),
    );
    expect(target.get('email')?.errors?.['server']).toEqual({ field: 'email', code: 'isEmail', message: 'email must be an email' });
    expect(target.get('email')?.touched).toBe(true);
    expect(target.get('victim.birthDate')?.errors?.['server'].code).toBe('isDateString');
    expect(unmatched.map((e) => e.field)).toEqual(['nickname']);
  });

  it('translates a control error by its code, keeping the API message as fallback', () => {
    expect(controlErrorMessage({ server: { field: 'email', code: 'isEmail', message: 'm' } })).toEqual({
      key: 'errors.isEmail',
      fallback: 'm',
    });
    expect(controlErrorMessage({ required: true })).toEqual({ key: 'errors.isNotEmpty' });
    expect(controlErrorMessage({ minlength: { requiredLength: 12, actualLength: 3 } })).toEqual({
      key: 'errors.minLengthOf',
      params: { min: 12 },
    });
    expect(controlErrorMessage(null)).toBeNull();
  });

  it('gives a form-level message for a problem without field errors', () => {
    expect(problemMessage(httpError(problem({ code: 'invalid_credentials', status: 401, detail: 'Wrong' }), 401))).toEqual({
      key: 'errors.invalid_credentials',
      fallback: 'Wrong',
    });
    expect(problemMessage(httpError(null, 0))).toEqual({ key: 'errors.network' });
  });

  it('lets a screen word some codes its own way (a case outside the scope), and leaves the others alone', () => {
    const wording = { not_found: 'caseDetail.outOfScope' };
    expect(problemMessage(httpError(problem({ code: 'not_found', status: 404 }), 404), wording)).toEqual({ key: 'caseDetail.outOfScope' });
    expect(problemMessage(httpError(problem({ code: 'forbidden', status: 403 }), 403), wording).key).toBe('errors.forbidden');
  });

  it('submitErrors spreads field errors and reports the leftovers as the form message', () => {
    const target = form();
    const message = submitErrors(
      target,
      httpError(problem({ errors: [{ field: 'email', code: 'isEmail', message: 'x' }, { field: '', code: 'duplicate', message: 'dup' }] })),
    );
    expect(target.get('email')?.hasError('server')).toBe(true);
    expect(message).toEqual({ key: 'errors.duplicate', fallback: 'dup' });
    expect(submitErrors(new FormControl('', Validators.required), httpError(problem({ code: 'stale_version' }), 409))?.key).toBe(
      'errors.stale_version',
    );
  });
});
