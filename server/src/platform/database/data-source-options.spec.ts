import { dataSourceOptions } from './data-source-options';
import { QUERY_TIMEOUT_MARGIN_MS, StallSafeClient } from './database-timeouts';
import { PreparingClient, statementName } from './preparing-client';

describe('dataSourceOptions: timeouts', () => {
  const timeouts = { statementMs: 10_000, acquireMs: 5_000, idleInTransactionMs: 15_000, poolIdleMs: 300_000 };

  it('hands the application pool the pg options that bound every wait', () => {
    const options = dataSourceOptions('postgres://a:b@h/d', { timeouts }) as { extra?: Record<string, unknown> };
    expect(options.extra).toEqual({
      connectionTimeoutMillis: 5_000,
      statement_timeout: 10_000,
      idle_in_transaction_session_timeout: 15_000,
      query_timeout: 10_000 + QUERY_TIMEOUT_MARGIN_MS,
      idleTimeoutMillis: 300_000,
      Client: PreparingClient,
    });
    expect(new PreparingClient()).toBeInstanceOf(StallSafeClient);
  });

  it('leaves migrations, seeds and CLIs without them (a long migration is never cut off)', () => {
    expect((dataSourceOptions('postgres://a:b@h/d', { poolSize: 2 }) as { extra?: unknown }).extra).toBeUndefined();
  });
});

describe('PreparingClient: statement names', () => {
  it('names a query text the same way on every connection, and two texts differently', () => {
    expect(statementName('SELECT $1')).toBe(statementName('SELECT $1'));
    expect(statementName('SELECT $1')).not.toBe(statementName('SELECT $1 + 1'));
    expect(statementName('SELECT $1')).toMatch(/^ruta_[A-Za-z0-9_-]{27}$/);
  });
});
