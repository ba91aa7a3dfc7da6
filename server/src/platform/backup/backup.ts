import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BACKUP_TITLE,
  BACKUP_VERSION,
  BackupError,
  BackupHeader,
  BackupTable,
  copyStatement,
  dependencyOrder,
  END_OF_TABLE,
  quoteIdentifier,
  TRAILER_PREFIX,
} from './backup-format';

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
}

/**
 * Writes every table of the database at `ownerUrl` to `file` from one REPEATABLE READ snapshot, so the rows agree with
 * each other (and the audit chain with its seals) as of one instant, while the server keeps running. Tables whose
 * contents do not survive a restart (UNLOGGED: request contexts) and the migrations table (restore rebuilds it) are
 * left out. The file appears only once complete.
 */
export async function writeBackup(ownerUrl: string, file: string, secretKeyFingerprint?: string): Promise<BackupResult> {
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another file name`);
  const partial = `${file}.partial`;
  const client = new Client({ connectionString: ownerUrl, application_name: 'ruta-backup' });
  await client.connect();
  const output = createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip({ level: 6 });
  gzip.pipe(output);
  const write = async (text: string | Buffer) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await appliedMigrations(client);
    const tables = await listTables(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      server: (await client.query<{ version: string }>('SELECT version()')).rows[0].version,
      migrations,
      tables,
      // Read after the snapshot was taken, so every value is at least what the rows in the snapshot used.
      sequences: await readSequences(client),
      secretKeyFingerprint,
    };
    await write(`${BACKUP_TITLE}\n${JSON.stringify(header)}\n`);
    const rows: Record<string, number> = {};
    for (const table of tables) {
      await write(`${copyStatement(table, 'FROM STDIN')}\n`);
      let count = 0;
      const stream = client.query(copyTo(copyStatement(table, 'TO STDOUT')));
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        for (const byte of chunk) if (byte === 0x0a) count++;
        await write(chunk);
      }
      rows[table.name] = count;
      await write(`${END_OF_TABLE}\n`);
    }
    await write(`${TRAILER_PREFIX}${JSON.stringify({ rows })}\n`);
    await client.query('COMMIT');
    gzip.end();
    await once(output, 'close');
    renameSync(partial, file);
    return { file, tables: tables.length, rows: Object.values(rows).reduce((sum, n) => sum + n, 0) };
  } catch (error) {
    gzip.destroy();
    if (!output.closed) {
      output.destroy();
      await once(output, 'close').catch(() => undefined);
    }
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function appliedMigrations(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS exists`);
  if (!rows[0].exists) throw new BackupError('the database has no Ruta schema (no migrations table): is DATABASE_URL the right database?');
  return (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((row) => row.name);
}

/** The application's tables (not an extension's), in foreign-key order, with the columns COPY can write back. */
async function listTables(client: Client): Promise<BackupTable[]> {
  const { rows: tables } = await client.query<{ oid: number; name: string }>(
    `SELECT c.oid, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relpersistence = 'p' AND NOT c.relispartition
       AND c.relname <> 'migrations'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`,
  );
  const { rows: references } = await client.query<{ from: string; to: string }>(
    `SELECT f.relname AS "from", t.relname AS "to" FROM pg_constraint k
     JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = f.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const { rows: columns } = await client.query<{ oid: number; name: string }>(
    `SELECT attrelid AS oid, attname AS name FROM pg_attribute
     WHERE attrelid = ANY($1::oid[]) AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attrelid, attnum`,
    [tables.map((table) => table.oid)],
  );
  const byName = new Map(
    tables.map((table) => [table.name, columns.filter((column) => column.oid === table.oid).map((column) => column.name)]),
  );
  return dependencyOrder([...byName.keys()], references).map((name) => ({ name, columns: byName.get(name)! }));
}

async function readSequences(client: Client): Promise<BackupHeader['sequences']> {
  const { rows: names } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const sequences: BackupHeader['sequences'] = [];
  for (const { name } of names) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${quoteIdentifier(name)}`,
    );
    sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
  }
  return sequences;
}
