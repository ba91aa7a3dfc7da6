import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
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

describe('mapException: hostile text and an unavailable database', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new QueryFailedError('SELECT ...', [], Object.assign(new Error(message), { code })), { code });

  it.each(['22021', '22P05', '54001'])('answers PostgreSQL %s (text it cannot store, input too deep) with 400, not 500', (code) => {
    expect(mapException(pgError(code, 'invalid byte sequence for encoding "UTF8": 0x00'))).toMatchObject({ status: 400, code: 'invalid_value' });
  });

  it.each([
    ['a statement cancelled by statement_timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['a session ended by idle_in_transaction_session_timeout', pgError('25P03')],
    ['a server shutting down', pgError('57P01')],
    ['too many connections', pgError('53300')],
    ['a query the stalled server never answered', new QueryFailedError('SELECT 1', [], new Error('Query read timeout'))],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect')],
    ['a new connection that did not open in time', new Error('Connection terminated due to connection timeout')],
    ['a connection lost mid-request', new Error('Connection terminated unexpectedly')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a transaction whose connection was dropped', new QueryRunnerAlreadyReleasedError()],
  ])('answers %s with 503 database_unavailable, saying nothing of the database', (_, error) => {
    const mapped = mapException(error);
    expect(mapped).toMatchObject({ status: 503, code: 'database_unavailable' });
    expect(JSON.stringify(mapped)).not.toMatch(/127\.0\.0\.1|timeout exceeded|statement/);
  });

  it('still answers an unexpected error without a code with 500', () => {
    expect(mapException(new TypeError('undefined is not a function'))).toMatchObject({ status: 500 });
  });
});
