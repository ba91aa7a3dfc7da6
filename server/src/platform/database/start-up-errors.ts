import { DataSource, MigrationExecutor } from 'typeorm';

/** A start-up problem already phrased as the one line the user reads. */
export class StartupError extends Error {}

/** A migration that failed: its name and PostgreSQL's reason. */
export class MigrationFailedError extends StartupError {
  constructor(
    readonly migration: string,
    readonly reason: string,
  ) {
    super(`migration ${migration} failed: ${reason}`);
  }
}

/**
 * Migrations run one transaction each, so after a failure the first pending migration is the one that failed (those
 * before it are committed). Errors that are not about a migration (the connection went away) come back as they are.
 */
export async function migrationFailure(dataSource: DataSource, error: unknown): Promise<unknown> {
  if (isConnectionError(error)) return error;
  try {
    const [failed] = await new MigrationExecutor(dataSource).getPendingMigrations();
    return failed ? new MigrationFailedError(failed.name, firstLine(error)) : error;
  } catch {
    return error;
  }
}

/**
 * One line, for a person, that names why Ruta could not start: the cause and, where there is one, what to change.
 * Never a stack trace, never a password, never "undefined".
 */
export function describeStartupError(error: unknown, databaseUrl?: string): string {
  if (error instanceof StartupError) return error.message;
  const cause = connectionCause(error);
  const code = (cause as { code?: string } | undefined)?.code;
  const where = databaseUrl ? describeServer(databaseUrl) : 'of embedded PostgreSQL';
  const reason = firstLine(cause ?? error);
  switch (code) {
    case 'ECONNREFUSED':
      return `cannot connect to the database ${where}: ${reason} (is PostgreSQL running there?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot connect to the database ${where}: its host name does not resolve (${reason})`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot connect to the database ${where}: ${reason} (check the host, the port and the firewall)`;
    case '28P01':
    case '28000':
      return `the database ${where} refused the login: ${reason} (check the user and password of DATABASE_URL)`;
    case '3D000':
      return `the database ${where} does not exist: ${reason} (create it, or fix the database name in DATABASE_URL)`;
    case '42501':
      return `the database user of DATABASE_URL lacks a privilege: ${reason}`;
  }
  if (/timeout|timed out/i.test(reason)) return `cannot connect to the database ${where}: ${reason}`;
  return reason;
}

/** `host:port/database as user` of a PostgreSQL URL, without its password. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname} as ${decodeURIComponent(parsed.username) || 'the default user'}`;
  } catch {
    return 'of DATABASE_URL';
  }
}

/** Node reports a refused connection to a name with several addresses as an AggregateError with an empty message. */
function connectionCause(error: unknown): unknown {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors[0];
  return error;
}

function isConnectionError(error: unknown): boolean {
  const code = (connectionCause(error) as { code?: string } | undefined)?.code ?? '';
  return /^E[A-Z]+$/.test(code) || /Connection terminated/i.test(firstLine(error));
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const line = text.split('\n')[0].trim();
  if (line) return line;
  const code = (error as { code?: string } | undefined)?.code;
  if (code) return code;
  return error instanceof Error ? `${error.name} without a message` : `unexpected ${error === undefined ? 'failure' : typeof error}`;
}
