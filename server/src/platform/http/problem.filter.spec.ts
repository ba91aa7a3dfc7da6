import { QueryFailedError } from 'typeorm';
import { ConflictError, NotFoundError, StaleVersionError, ValidationFailedError } from './errors';
import { mapException } from './problem.filter';

describe('mapException', () => {
  it('maps a validation failure to 400 with its field errors', () => {
    const mapped = mapException(new ValidationFailedError([{ field: 'email', code: 'isEmail', message: 'bad' }]));
    expect(mapped).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: 'email', code: 'isEmail' }] });
  });

  it('carries the current version and changed fields of a stale edit as problem extensions', () => {
    expect(mapException(new StaleVersionError(4, ['status']))).toMatchObject({ status: 409, code: 'stale_version', extensions: { currentVersion: 4, changedFields: ['status'] } });
  });

  it('answers 404 without saying whether the record exists', () => {
    expect(mapException(new NotFoundError('case'))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('turns a unique violation into 409 without echoing the database detail', () => {
    const error = Object.assign(new QueryFailedError('INSERT ...', [], new Error('duplicate key value violates unique constraint')), {
      code: '23505',
      detail: 'Key (email)=(ana@x.demo) already exists.',
    });
    const mapped = mapException(error);
    expect(mapped).toMatchObject({ status: 409, code: 'duplicate' });
    expect(JSON.stringify(mapped)).not.toContain('ana@x.demo');
  });

  it('hides anything unexpected behind a 500 with no internals', () => {
    const mapped = mapException(new Error('connection string postgres://secret@db'));
    expect(mapped).toMatchObject({ status: 500, code: 'internal_error' });
    expect(JSON.stringify(mapped)).not.toContain('secret');
  });

  it('keeps a conflict code of a domain rule', () => {
    expect(mapException(new ConflictError('invalid_transition', 'no'))).toMatchObject({ status: 409, code: 'invalid_transition' });
  });
});
