import { describeServer, describeStartupError, MigrationFailedError, StartupError } from './start-up-errors';

const URL_WITH_SECRET = 'postgres://ruta:s3cret@db.internal:6543/ruta';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeStartupError', () => {
  it('keeps a line Ruta already phrased', () => {
    expect(describeStartupError(new StartupError('port 3000 for Ruta is already in use'))).toBe('port 3000 for Ruta is already in use');
    expect(describeStartupError(new MigrationFailedError('Cases1764403400000', 'relation "cases" already exists'))).toBe(
      'migration Cases1764403400000 failed: relation "cases" already exists',
    );
  });

  it('names a refused connection even when Node gives an AggregateError with no message', () => {
    const refused = new AggregateError(
      [pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:6543'), pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:6543')],
      '',
    );
    expect(describeStartupError(refused, URL_WITH_SECRET)).toBe(
      'cannot connect to the database db.internal:6543/ruta as ruta: connect ECONNREFUSED ::1:6543 (is PostgreSQL running there?)',
    );
  });

  it('tells a refused login and a missing database apart, without the password', () => {
    const login = describeStartupError(pgError('28P01', 'password authentication failed for user "ruta"'), URL_WITH_SECRET);
    expect(login).toMatch(/refused the login: password authentication failed .*check the user and password of DATABASE_URL/);
    expect(describeStartupError(pgError('3D000', 'database "ruta" does not exist'), URL_WITH_SECRET)).toMatch(
      /does not exist: .*create it/,
    );
    expect(login + describeServer(URL_WITH_SECRET)).not.toContain('s3cret');
  });

  it('never says undefined', () => {
    expect(describeStartupError(undefined)).toBe('unexpected failure');
    expect(describeStartupError(new Error(''))).toBe('Error without a message');
    expect(describeStartupError(Object.assign(new Error(''), { code: 'EPIPE' }))).toBe('EPIPE');
  });
});
