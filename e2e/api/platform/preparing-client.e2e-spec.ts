import type { Socket } from 'node:net';
import { PreparingClient } from '@ruta/server/platform/database/preparing-client';

/**
 * Issue 15: the application's connections (PreparingClient) hold TypeORM's START TRANSACTION back and send it with the
 * transaction's first statement, in one write and one round trip. Checked on a real PostgreSQL: nothing is written for
 * the BEGIN alone, the pair leaves in one write, the statements that follow run inside that transaction, and an error
 * reaches the statement that caused it with the connection still usable.
 */
describe('PreparingClient: the BEGIN travels with the first statement', () => {
  let client: PreparingClient;
  let writes = 0;

  beforeAll(async () => {
    const url = new URL(process.env.RUTA_TEST_SERVER_URL ?? 'postgres://missing');
    url.pathname = '/postgres';
    client = new PreparingClient({ connectionString: url.toString() });
    await client.connect();
    const socket = (client as unknown as { connection: { stream: Socket & Record<'_write' | '_writev', (...args: unknown[]) => unknown> } }).connection.stream;
    for (const method of ['_write', '_writev'] as const) {
      const original = socket[method];
      socket[method] = function (this: Socket, ...args: unknown[]) {
        writes += 1;
        return original.apply(this, args);
      };
    }
  });
  afterAll(async () => {
    await client?.end();
  });

  it('writes nothing for START TRANSACTION, then both statements at once; what follows runs in that transaction', async () => {
    writes = 0;
    await client.query('START TRANSACTION');
    expect(writes).toBe(0);
    // A transaction-local setting: visible to the next statement only inside one transaction.
    const set = await client.query(`SELECT set_config('ruta.probe', $1, true) AS value`, ['inside']);
    expect(writes).toBe(1);
    expect(set.rows[0].value).toBe('inside');
    expect((await client.query(`SELECT current_setting('ruta.probe', true) AS value, txid_current() > 0 AS open`)).rows[0]).toEqual({ value: 'inside', open: true });
    await client.query('ROLLBACK');
    expect((await client.query(`SELECT coalesce(current_setting('ruta.probe', true), '') AS value`)).rows[0].value).toBe('');
  });

  it('fails the first statement with its own error and leaves the connection usable', async () => {
    await client.query('START TRANSACTION');
    await expect(client.query('SELECT 1 / $1::int AS n', [0])).rejects.toMatchObject({ code: '22012' });
    await client.query('ROLLBACK');
    await client.query('START TRANSACTION');
    expect((await client.query('SELECT 6 * $1::int AS n', [7])).rows[0].n).toBe(42);
    await client.query('COMMIT');
  });

  it('sends a transaction with no statement as BEGIN and COMMIT together', async () => {
    writes = 0;
    await client.query('START TRANSACTION');
    const commit = await client.query('COMMIT');
    expect(commit.command).toBe('COMMIT');
    expect(writes).toBe(1);
  });
});
