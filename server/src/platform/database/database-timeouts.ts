import { Client, ClientConfig } from 'pg';

/** How long the application waits on PostgreSQL before it answers 503 instead (README: configuration). */
export interface DatabaseTimeouts {
  /** Longest one SQL statement may run; PostgreSQL cancels it (`statement_timeout`). */
  statementMs: number;
  /** Longest a request waits for a pooled connection, or for a new one to open. */
  acquireMs: number;
  /** Longest a transaction may sit idle holding its locks; PostgreSQL then ends the session. */
  idleInTransactionMs: number;
  /**
   * How long a pooled connection may go unused before the pool closes it. A new PostgreSQL backend starts with empty
   * caches and prepares every statement again (under row-level security the first statements of a connection cost tens
   * of milliseconds), so connections are kept for minutes, not pg-pool's 10 s.
   */
  poolIdleMs: number;
}

/** How much longer than statement_timeout the client waits for an answer before it gives the connection up. */
export const QUERY_TIMEOUT_MARGIN_MS = 1000;

/** What `TransactionRunner.runAsSystem(…, { statementTimeoutMs })` sends first: a longer limit for that transaction. */
export function longerStatementTimeout(ms: number): string {
  return `SET LOCAL statement_timeout = ${Math.floor(ms)}`;
}
const LONGER_STATEMENT_TIMEOUT = /^SET LOCAL statement_timeout = (\d+)$/;
const TRANSACTION_END = /^(COMMIT|ROLLBACK)\b/;

/**
 * A pg client that drops its connection when a query outlives `query_timeout`. That timeout only fires when the server
 * does not answer at all (stalled, network gone: statement_timeout would have answered otherwise); pg then rejects the
 * query but keeps it pending on the connection, so the ROLLBACK behind it would wait as long again and the pool would
 * hand the stuck connection to the next request. Destroying the socket fails the rest at once and pg-pool discards the
 * client. A transaction that raises its own statement_timeout (`longerStatementTimeout`, background jobs only) gets
 * the same margin over it until its COMMIT or ROLLBACK, then the pool's timeout again.
 */
export class StallSafeClient extends Client {
  /** The connection's own query_timeout while a transaction runs with a longer one. */
  private usualReadTimeout?: number;

  constructor(config?: ClientConfig) {
    super(config);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query has many overloads; this wraps them all
  override query(...args: any[]): any {
    const text: unknown = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    const parameters = (this as unknown as { connectionParameters: { query_timeout?: number } }).connectionParameters;
    const longer = typeof text === 'string' ? LONGER_STATEMENT_TIMEOUT.exec(text) : null;
    if (longer && parameters.query_timeout) {
      this.usualReadTimeout ??= parameters.query_timeout;
      parameters.query_timeout = Math.max(this.usualReadTimeout, Number(longer[1]) + QUERY_TIMEOUT_MARGIN_MS);
    }
    try {
      return this.sendQuery(args);
    } finally {
      // The COMMIT or ROLLBACK itself was sent with the longer timeout; what follows has the usual one.
      if (this.usualReadTimeout !== undefined && typeof text === 'string' && TRANSACTION_END.test(text)) {
        parameters.query_timeout = this.usualReadTimeout;
        this.usualReadTimeout = undefined;
      }
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private sendQuery(args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        this.dropAfterTimeout(error);
        last(error, result);
      };
    }
    const result = (Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.catch((error: unknown) => this.dropAfterTimeout(error));
    return result;
  }

  private dropAfterTimeout(error: unknown): void {
    if ((error as { message?: unknown } | undefined)?.message === 'Query read timeout') this.connection.stream.destroy();
  }
}

/**
 * The pg pool options that bound every wait on the database. TypeORM 1.x builds its pool with
 * `new pg.Pool({ ...its own options, ...extra })` and pg-pool hands the same options to every client it creates, so
 * these reach each connection: the server-side timeouts travel in its start-up packet.
 */
export function poolTimeoutOptions(timeouts: DatabaseTimeouts): Record<string, unknown> {
  return {
    connectionTimeoutMillis: timeouts.acquireMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    query_timeout: timeouts.statementMs + QUERY_TIMEOUT_MARGIN_MS,
    idleTimeoutMillis: timeouts.poolIdleMs,
    Client: StallSafeClient,
  };
}
