import { Client } from 'pg';
import type { Queryable } from '@ruta/server/platform/crypto/field-keys';

/** Runs work on a connection of the owner (past row-level security), closed afterwards. */
export async function withOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.RUTA_TEST_OWNER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A pg client as the platform's Queryable (rows only). */
export const rowsOf = (client: Client): Queryable => ({ query: async (sql, params) => (await client.query(sql, params as unknown[])).rows });

/** The public tables one of whose rows (as text, lower-cased) is LIKE any of the patterns, read by `client`. */
export async function tablesMatching(client: Client, patterns: string[]): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await client.query(`SELECT 1 FROM "${name}" t WHERE lower(t::text) LIKE ANY ($1::text[]) LIMIT 1`, [patterns]);
    if (rows.length) found.push(name);
  }
  return found;
}
