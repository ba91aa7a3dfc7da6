import { createHash } from 'node:crypto';
import { StartupError } from '../database/start-up-errors';

/**
 * A Ruta backup is a gzip file of text lines:
 *
 *     -- Ruta backup (gzip; tables in PostgreSQL's COPY text format)
 *     {"format":"ruta-backup","version":1,...}          the header (BackupHeader)
 *     COPY "institutions" ("id", "code", ...)            then, per table in dependency order,
 *     <rows, one per line, exactly as COPY TO prints them>
 *     \.                                                 (no COPY row is ever this: a backslash is always doubled)
 *     -- end {"rows":{"institutions":14,...}}            the trailer: a backup without it is incomplete
 *
 * The schema is not in it: restore rebuilds it by running the header's migrations on an empty database.
 */
export const BACKUP_FORMAT = 'ruta-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_TITLE = '-- Ruta backup (gzip; tables in PostgreSQL COPY text format)';
export const END_OF_TABLE = '\\.';
export const TRAILER_PREFIX = '-- end ';

export interface BackupTable {
  name: string;
  columns: string[];
}

export interface BackupSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** `SELECT version()` of the server it came from. */
  server: string;
  /** Applied migrations, in order: restore runs exactly these before loading the rows. */
  migrations: string[];
  tables: BackupTable[];
  sequences: BackupSequence[];
  /** Which secret key the installation used (a hash, never the key), so restore can say whether the key at hand fits. */
  secretKeyFingerprint?: string;
}

export interface BackupTrailer {
  rows: Record<string, number>;
}

/** A backup or restore problem, phrased as the one line the user reads. */
export class BackupError extends StartupError {}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function copyStatement(table: BackupTable, direction: 'TO STDOUT' | 'FROM STDIN'): string {
  return `COPY ${quoteIdentifier(table.name)} (${table.columns.map(quoteIdentifier).join(', ')}) ${direction}`;
}

/** A short, one-way fingerprint of the 32-byte secret key. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('ruta-secret-key-fingerprint:').update(key).digest('hex').slice(0, 16);
}

/**
 * Tables ordered so that every table comes after the tables its foreign keys reference (self-references aside).
 * Tables in a reference cycle keep their name order at the end; Ruta's schema has none.
 */
export function dependencyOrder(tables: string[], references: { from: string; to: string }[]): string[] {
  const pending = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { from, to } of references) if (from !== to && pending.has(from) && pending.has(to)) pending.get(from)!.add(to);
  const ordered: string[] = [];
  for (;;) {
    const ready = [...pending]
      .filter(([, needs]) => needs.size === 0)
      .map(([table]) => table)
      .sort();
    if (ready.length === 0) break;
    for (const table of ready) {
      ordered.push(table);
      pending.delete(table);
      for (const needs of pending.values()) needs.delete(table);
    }
  }
  return [...ordered, ...[...pending.keys()].sort()];
}

export function parseHeader(title: string | undefined, json: string | undefined): BackupHeader {
  if (title !== BACKUP_TITLE || !json)
    throw new BackupError('this file is not a Ruta backup (its first line is not the Ruta backup title)');
  const header = JSON.parse(json) as BackupHeader;
  if (header.format !== BACKUP_FORMAT) throw new BackupError('this file is not a Ruta backup (unknown format)');
  if (header.version > BACKUP_VERSION)
    throw new BackupError(
      `this backup has format version ${header.version}; this Ruta reads up to ${BACKUP_VERSION}: restore it with a newer Ruta`,
    );
  return header;
}

/**
 * The migrations restore runs before loading rows: the backup's, which must be the first ones this Ruta knows, in the
 * same order (a backup of a newer Ruta cannot be loaded by an older one).
 */
export function migrationsToReplay(backup: string[], known: string[]): string[] {
  backup.forEach((name, index) => {
    if (known[index] !== name) {
      throw new BackupError(
        known.includes(name)
          ? `the backup's migrations are not in this Ruta's order (${name} at position ${index + 1}): restore it with the Ruta version that made it`
          : `the backup was made by a newer Ruta (migration ${name} is unknown here): restore it with that version or a later one`,
      );
    }
  });
  return backup;
}
