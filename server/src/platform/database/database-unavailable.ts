import { QueryRunnerAlreadyReleasedError } from 'typeorm';

/**
 * SQLSTATEs that say "the database cannot serve this now", not "the request is wrong": connection exceptions (08),
 * insufficient resources (53: too many connections, out of memory or disk), operator intervention (57P01-57P05:
 * shutdown, crash recovery, cannot connect now), a statement cancelled by `statement_timeout` (57014), a lock not
 * granted in time (55P03) and a session ended by `idle_in_transaction_session_timeout` (25P03).
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0)|^(57014|55P03|25P03)$/;

/** What pg and pg-pool throw (without a SQLSTATE) when the server does not answer or the connection is gone. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'timeout expired',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

function isUnavailableCause(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((known) => message.startsWith(known));
}

/**
 * Whether an error means the database is down, stalled or overloaded (answer 503 and let the caller retry) rather than
 * a fault of the request or of the code. Looks through TypeORM's QueryFailedError to the pg error it wraps.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  if (isUnavailableCause(error)) return true;
  const { driverError, cause } = (error ?? {}) as { driverError?: unknown; cause?: unknown };
  return isUnavailableCause(driverError) || isUnavailableCause(cause);
}
