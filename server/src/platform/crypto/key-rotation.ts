import { createReadStream, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { EntityManager } from 'typeorm';
import { AuditEntityType } from '@ruta/shared';
import { AnchorLine, AuditAnchors } from '../audit/audit-anchors';
import { StartupError } from '../database/start-up-errors';
import { SecretBox } from './secret-box';

/**
 * Every column that holds values sealed with the platform's secret box (`SecretBox.seal` under RUTA_SECRET_KEY): what
 * `npm run key:rotate` re-seals. A feature that seals a new column adds it here; the key-rotation API test fails when a
 * sealed value sits in a column this list does not name.
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'users', key: 'id', column: 'mfaSecret', entityType: 'user' },
  { table: 'case_drafts', key: 'userId', column: 'payload', entityType: 'case_draft' },
  // The uploaded file of an import still waiting for its job (emptied when it finishes): large values, small batches.
  { table: 'hotline_imports', key: 'id', column: 'contentSealed', entityType: 'hotline_import', batch: 10 },
];

export interface SealedColumn {
  table: string;
  /** The uuid primary key: keyset order of the batches, and the audit events' entity id. */
  key: string;
  column: string;
  entityType: AuditEntityType;
  /** Rows per batch (default 500). */
  batch?: number;
}

/** What the rotation did to one column. */
export interface ColumnRotation {
  column: string;
  /** Opened with the old key and sealed again with the new one. */
  resealed: number;
  /** Already sealed with the new key (a rotation that was run before, or interrupted after its commit). */
  alreadyNew: number;
}

/** A refusal phrased as the one line the operator reads; nothing was changed. */
export class KeyRotationError extends StartupError {}

const BATCH = 500;

export const SAME_KEY = 'RUTA_OLD_SECRET_KEY and RUTA_SECRET_KEY are the same key: give the new key in RUTA_SECRET_KEY';

/** The 32 bytes of a 64-hex-character key, or a one-line refusal naming the variable. */
export function parseKey(name: string, value: string | undefined): Buffer {
  if (!value)
    throw new KeyRotationError(
      `${name} is not set: give the ${name === 'RUTA_OLD_SECRET_KEY' ? 'key the secrets are sealed with now' : 'new key (e.g. openssl rand -hex 32)'}`,
    );
  if (!/^[0-9a-fA-F]{64}$/.test(value)) throw new KeyRotationError(`${name} must be 64 hexadecimal characters (32 random bytes)`);
  return Buffer.from(value, 'hex');
}

/**
 * Re-seals every sealed value under `newKey`, in the caller's transaction (all or nothing): each value is opened with
 * `oldKey` and sealed again with `newKey`; a value that already opens with `newKey` is left as it is, so running the
 * rotation twice is harmless. A value that opens with neither key refuses the whole rotation (it rolls back). Writers
 * are held off for the duration (the tables are locked against writes, reads go on), and every re-sealed row gets an
 * audit event (`update`, reason `secret_key_rotation`). Needs the owner connection in a system transaction.
 */
export async function rotateSealedSecrets(manager: EntityManager, oldKey: Buffer, newKey: Buffer): Promise<ColumnRotation[]> {
  if (oldKey.equals(newKey)) throw new KeyRotationError(SAME_KEY);
  const [before, after] = [new SecretBox(oldKey), new SecretBox(newKey)];
  // An area whose migration is not in this schema has nothing sealed yet.
  const present: { table: string }[] = await manager.query(
    `SELECT relname AS table FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname = ANY($1::text[])`,
    [SEALED_COLUMNS.map((c) => c.table)],
  );
  const tables = new Set(present.map((p) => p.table));
  const columns = SEALED_COLUMNS.filter((c) => tables.has(c.table));
  await manager.query(`SET LOCAL lock_timeout = '15s'`);
  await manager.query(`LOCK TABLE ${[...tables].map((t) => `"${t}"`).join(', ')} IN EXCLUSIVE MODE`);
  const results: ColumnRotation[] = [];
  for (const sealed of columns) results.push(await rotateColumn(manager, sealed, { before, after }));
  return results;
}

async function rotateColumn(
  manager: EntityManager,
  sealed: SealedColumn,
  keys: { before: SecretBox; after: SecretBox },
): Promise<ColumnRotation> {
  const result: ColumnRotation = { column: `${sealed.table}.${sealed.column}`, resealed: 0, alreadyNew: 0 };
  let unreadable = 0;
  let last: string | null = null;
  for (;;) {
    const rows: { id: string; value: string }[] = await manager.query(
      `SELECT "${sealed.key}"::text AS id, "${sealed.column}" AS value FROM "${sealed.table}"
        WHERE "${sealed.column}" IS NOT NULL AND ($1::uuid IS NULL OR "${sealed.key}" > $1::uuid)
        ORDER BY "${sealed.key}" LIMIT ${sealed.batch ?? BATCH}`,
      [last],
    );
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    const ids: string[] = [];
    const values: string[] = [];
    for (const row of rows) {
      const plain = tryOpen(keys.before, row.value);
      if (plain !== undefined) {
        ids.push(row.id);
        values.push(keys.after.seal(plain));
      } else if (tryOpen(keys.after, row.value) !== undefined) result.alreadyNew += 1;
      else unreadable += 1;
    }
    if (!ids.length) continue;
    await manager.query(
      `UPDATE "${sealed.table}" t SET "${sealed.column}" = v.sealed FROM unnest($1::uuid[], $2::text[]) AS v(id, sealed) WHERE t."${sealed.key}" = v.id`,
      [ids, values],
    );
    await manager.query(
      `INSERT INTO audit_events (action, "entityType", "entityId", outcome, details)
       SELECT 'update', $2, id::text, 'success', jsonb_build_object('reason', 'secret_key_rotation', 'fields', $3::jsonb)
         FROM unnest($1::uuid[]) AS id`,
      [ids, sealed.entityType, JSON.stringify([sealed.column])],
    );
    result.resealed += ids.length;
  }
  if (unreadable) {
    throw new KeyRotationError(
      `${unreadable} sealed value${unreadable === 1 ? '' : 's'} in ${result.column} open${unreadable === 1 ? 's' : ''} with neither RUTA_OLD_SECRET_KEY nor RUTA_SECRET_KEY: is RUTA_OLD_SECRET_KEY the key in use? Nothing was changed`,
    );
  }
  return result;
}

function tryOpen(box: SecretBox, value: string): string | undefined {
  try {
    return box.open(value);
  } catch {
    return undefined;
  }
}

/** The anchor file re-signed under the new key, written beside it; `commit` puts it in place, `discard` drops it. */
export interface PreparedAnchors {
  file: string;
  /** Lines re-signed (valid under the old key) and kept (already under the new key, or no anchor under either). */
  resigned: number;
  alreadyNew: number;
  invalid: number;
  /** Moves the old file aside (returned: it still verifies under the old key) and the re-signed one into its place. */
  commit(): Promise<string>;
  discard(): Promise<void>;
}

/**
 * Re-signs the audit anchor file (its MACs derive from the secret key): every line that verifies under `oldKey` is
 * written again under `newKey`, in the same order with the same content; a line already under `newKey` stays, and a
 * line that is an anchor under neither key is kept as it is, so a verification still names it. Streams the file.
 * Null when there is no anchor file.
 */
export async function prepareAnchors(file: string, oldKey: Buffer, newKey: Buffer): Promise<PreparedAnchors | null> {
  const [before, after] = [new AuditAnchors(file, oldKey), new AuditAnchors(file, newKey)];
  if (!existsSync(before.file)) return null;
  const target = `${before.file}.rotating`;
  const out = await open(target, 'w', 0o600);
  const counts = { resigned: 0, alreadyNew: 0, invalid: 0 };
  try {
    const raw = createInterface({ input: createReadStream(before.file, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]();
    const underNew = after.lines();
    let rawLine = 0;
    for await (const entry of before.lines()) {
      const other = (await underNew.next()).value as AnchorLine;
      let text = '';
      while (rawLine < entry.line) {
        text = (await raw.next()).value as string;
        rawLine += 1;
      }
      if ('anchor' in entry) {
        await out.write(after.format(entry.anchor));
        counts.resigned += 1;
      } else {
        await out.write(`${text}\n`);
        if ('anchor' in other) counts.alreadyNew += 1;
        else counts.invalid += 1;
      }
    }
    await out.datasync();
  } catch (error) {
    await out.close();
    await rm(target, { force: true });
    throw error;
  }
  await out.close();
  return {
    file: before.file,
    ...counts,
    async commit() {
      const aside = `${before.file}.before-rotation-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(before.file, aside);
      await rename(target, before.file);
      return aside;
    },
    discard: () => rm(target, { force: true }),
  };
}
