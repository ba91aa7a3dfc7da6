import { once } from 'node:events';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import type { Migration } from 'typeorm/migration/Migration';
import { MIGRATIONS } from '@ruta/migrations';
import { dataSourceOptions } from '../database/data-source-options';
import {
  BackupError,
  BackupHeader,
  BackupTrailer,
  copyStatement,
  END_OF_TABLE,
  migrationsToReplay,
  parseHeader,
  quoteIdentifier,
  TRAILER_PREFIX,
} from './backup-format';

export interface RestoreResult {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** Migrations of this Ruta newer than the backup, applied after its rows were loaded. */
  laterMigrations: string[];
}

/**
 * Loads a backup into the empty database at `ownerUrl`, all in one transaction (a failure leaves the database empty):
 * the backup's migrations rebuild the schema it was taken with, the rows go back with COPY in dependency order with
 * user triggers off (so the audit trail's append-only and stamping triggers neither refuse nor rewrite the restored
 * rows: events and seals come back byte for byte and the chain still verifies), sequences are set to the backup's
 * values, and then this Ruta's newer migrations run. Only statements built here are executed, never SQL from the file.
 */
export async function restoreBackup(ownerUrl: string, file: string): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const line = await lines.next();
    return line.done ? undefined : line.value;
  };
  const header = parseHeader(await next(), await next());
  const replay = new Set(migrationsToReplay(header.migrations, knownMigrations()));

  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 1, applicationName: 'ruta-restore' }));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    await assertEmpty(runner);
    await runner.startTransaction();
    await new ChosenMigrations(dataSource, runner, replay).executePendingMigrations();
    await assertTablesMatch(runner, header);
    for (const table of header.tables) await runner.query(`ALTER TABLE ${quoteIdentifier(table.name)} DISABLE TRIGGER USER`);
    // Rows the migrations themselves wrote (reference data) make way for the backup's.
    if (header.tables.length > 0) await runner.query(`TRUNCATE ${header.tables.map((table) => quoteIdentifier(table.name)).join(', ')}`);

    const loaded: Record<string, number> = {};
    let trailer: BackupTrailer | undefined;
    for (let index = 0; ;) {
      const line = await next();
      if (line === undefined) break;
      if (line.startsWith(TRAILER_PREFIX)) {
        trailer = JSON.parse(line.slice(TRAILER_PREFIX.length)) as BackupTrailer;
        break;
      }
      const table = header.tables[index++];
      if (!table || line !== copyStatement(table, 'FROM STDIN'))
        throw new BackupError(`the backup is damaged: unexpected line where table ${table?.name ?? '(none)'} should start`);
      loaded[table.name] = await copyRows(client, table, next);
    }
    if (!trailer) throw new BackupError('the backup is incomplete (it has no end line): it was cut short while being written or copied');
    for (const table of header.tables) {
      if ((loaded[table.name] ?? 0) !== (trailer.rows[table.name] ?? 0)) {
        throw new BackupError(
          `the backup is damaged: table ${table.name} has ${loaded[table.name] ?? 0} rows, its end line says ${trailer.rows[table.name] ?? 0}`,
        );
      }
    }

    for (const sequence of header.sequences) {
      await runner.query(`SELECT setval(to_regclass($1), $2::bigint, $3) WHERE to_regclass($1) IS NOT NULL`, [
        `public.${quoteIdentifier(sequence.name)}`,
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
    for (const table of header.tables) await runner.query(`ALTER TABLE ${quoteIdentifier(table.name)} ENABLE TRIGGER USER`);
    const later = await new ChosenMigrations(dataSource, runner).executePendingMigrations();
    await runner.commitTransaction();
    return {
      header,
      tables: header.tables.length,
      rows: Object.values(loaded).reduce((sum, n) => sum + n, 0),
      laterMigrations: later.map((migration) => migration.name),
    };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    input.destroy();
    await runner.release();
    await dataSource.destroy();
  }
}

/** Streams the rows of one table, up to its `\.` line, into COPY FROM STDIN. */
async function copyRows(
  client: PoolClient,
  table: BackupHeader['tables'][number],
  next: () => Promise<string | undefined>,
): Promise<number> {
  const stream = client.query(copyFrom(copyStatement(table, 'FROM STDIN')));
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  let rows = 0;
  let buffer = '';
  const flush = async () => {
    if (!stream.write(buffer)) await Promise.race([once(stream, 'drain'), failed]);
    buffer = '';
  };
  for (;;) {
    const line = await next();
    if (line === undefined) throw new BackupError(`the backup is incomplete: table ${table.name} has no end`);
    if (line === END_OF_TABLE) break;
    buffer += `${line}\n`;
    rows++;
    if (buffer.length >= 256 * 1024) await flush();
  }
  if (buffer) await flush();
  stream.end();
  await Promise.race([finished(stream), failed]);
  return rows;
}

/** Restore starts from a database without any table: it never mixes a backup into data that is already there. */
async function assertEmpty(runner: QueryRunner): Promise<void> {
  const [{ tables }] = await runner.query(
    `SELECT count(*)::int AS tables FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`,
  );
  if (tables > 0) {
    throw new BackupError(
      `the target database is not empty (${tables} tables and sequences): restore into a new database (embedded: set RUTA_DATA_DIR to a new folder; DATABASE_URL: CREATE DATABASE a new one and point DATABASE_URL at it)`,
    );
  }
}

/** Every table and column of the backup exists after its migrations ran (it was made by the same schema). */
async function assertTablesMatch(runner: QueryRunner, header: BackupHeader): Promise<void> {
  const rows: { table: string; column: string }[] = await runner.query(
    `SELECT c.relname AS "table", a.attname AS "column" FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  const present = new Set(rows.map((row) => `${row.table}.${row.column}`));
  for (const table of header.tables) {
    const missing = table.columns.find((column) => !present.has(`${table.name}.${column}`));
    if (missing) throw new BackupError(`the backup does not fit its own migrations: ${table.name}.${missing} is missing after them`);
  }
}

/** The names of this Ruta's migrations in the order TypeORM runs them (by timestamp). */
function knownMigrations(): string[] {
  return MIGRATIONS.map((Migration) => new Migration().name as string).sort((a, b) => Number(a.slice(-13)) - Number(b.slice(-13)));
}

/** Runs pending migrations inside the caller's transaction, optionally only those named. */
class ChosenMigrations extends MigrationExecutor {
  constructor(
    dataSource: DataSource,
    queryRunner: QueryRunner,
    private readonly only?: Set<string>,
  ) {
    super(dataSource, queryRunner);
    this.transaction = 'none';
  }

  protected override getMigrations(): Migration[] {
    const all = super.getMigrations();
    return this.only ? all.filter((migration) => this.only!.has(migration.name)) : all;
  }
}
