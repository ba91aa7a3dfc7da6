import { Client } from 'pg';

/**
 * Runs SQL as the application role (`ruta_app`) with a given request context (`ruta.*` settings), in one transaction
 * that is rolled back: what row-level security lets the application see, without the application in the way.
 */
export async function asAppRole<T>(context: Record<string, string>, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.RUTA_TEST_APP_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const [key, value] of Object.entries(context)) await client.query(`SELECT set_config($1, $2, true)`, [`ruta.${key}`, value]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}
