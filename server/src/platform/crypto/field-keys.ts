import { randomBytes } from 'node:crypto';
import { keyFingerprint } from '../backup/backup-format';
import { StartupError } from '../database/start-up-errors';
import { ENCRYPTED_FIELDS, EncryptedField, FIELD_KEY_PURPOSES, FIELD_MAGIC, FIELD_VERSION, FieldCipher, TEXT_PREFIX } from './field-cipher';
import { KeyRotationError, SAME_KEY } from './key-rotation';
import { gcmOpen, gcmSeal } from './secret-box';

/** What runs SQL: an EntityManager, a DataSource or a query runner. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Format of a wrapped data key: `fk1.<iv>.<tag>.<ciphertext>`, base64url, AAD `ruta field key <purpose>`. */
const WRAP_VERSION = 'fk1';

export function wrapDataKey(masterKey: Buffer, purpose: string, dataKey: Buffer): string {
  const { iv, tag, body } = gcmSeal(masterKey, dataKey, wrapAad(purpose));
  return [WRAP_VERSION, iv, tag, body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Throws when the data key was not wrapped under `masterKey` for `purpose`, or was altered. */
export function unwrapDataKey(masterKey: Buffer, purpose: string, wrapped: string): Buffer {
  const [version, iv, tag, body] = wrapped.split('.');
  if (version !== WRAP_VERSION || !iv || !tag || !body) throw new Error('Not a wrapped field key');
  return gcmOpen(masterKey, { iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), body: Buffer.from(body, 'base64url') }, wrapAad(purpose));
}

function wrapAad(purpose: string): Buffer {
  return Buffer.from(`ruta field key ${purpose}`, 'utf8');
}

interface KeyRow {
  id: number;
  purpose: string;
  wrapped: string;
  masterFingerprint: string;
  /** 1 for a table's first key, one more per data-key rotation. */
  generation: number;
  /** Null while a rotation has created the key but not yet switched writes to it (it already opens values). */
  activatedAt: Date | null;
  /** Set by the rotation once no value uses the key any more: never written under again. */
  retiredAt: Date | null;
}

/** The field keys are under another master key than RUTA_SECRET_KEY: one line naming both fingerprints. */
export class FieldKeysError extends StartupError {}

/**
 * Reads `field_keys` (owner or `ruta_system`; the application role cannot), unwraps every data key under `masterKey`
 * and returns the cipher: every key opens the values written under it; new values of a table are written under its
 * highest active generation (a pending key of a rotation in progress only opens). With `create`, a table of
 * ENCRYPTED_FIELDS without a key gets a new random one first (instances starting together: the unique
 * purpose and generation keep one, the others read it).
 */
export async function loadFieldCipher(db: Queryable, masterKey: Buffer, options: { create?: boolean } = {}): Promise<FieldCipher> {
  let rows = await keyRows(db);
  const missing = FIELD_KEY_PURPOSES.filter((p) => !rows.some((r) => r.purpose === p));
  if (missing.length && options.create) {
    for (const purpose of missing) {
      await db.query(
        `INSERT INTO field_keys (purpose, wrapped, "masterFingerprint") VALUES ($1, $2, $3) ON CONFLICT (purpose, generation) DO NOTHING`,
        [purpose, wrapDataKey(masterKey, purpose, randomBytes(32)), keyFingerprint(masterKey)],
      );
    }
    rows = await keyRows(db);
  }
  return cipherOf(rows, masterKey);
}

function cipherOf(rows: KeyRow[], masterKey: Buffer): FieldCipher {
  const keys = new Map<number, Buffer>();
  const current = new Map<string, number>();
  for (const row of rows) {
    try {
      keys.set(row.id, unwrapDataKey(masterKey, row.purpose, row.wrapped));
    } catch {
      throw new FieldKeysError(
        `The field key of ${row.purpose} is wrapped under the key with fingerprint ${row.masterFingerprint}, not under RUTA_SECRET_KEY (fingerprint ${keyFingerprint(masterKey)}): start with the key in use, or change keys with npm run key:rotate`,
      );
    }
  }
  // Rows come by generation: the last active one of a purpose is the one written under.
  for (const row of rows) if (row.activatedAt !== null && row.retiredAt === null) current.set(row.purpose, row.id);
  return new FieldCipher(keys, current);
}

async function keyRows(db: Queryable): Promise<KeyRow[]> {
  return db.query(`SELECT id, purpose, wrapped, "masterFingerprint", generation, "activatedAt", "retiredAt" FROM field_keys ORDER BY purpose, generation`);
}

/** What `field_keys` holds, without the key material: `keys:verify` and the rotation report per key id. */
export interface FieldKeyState {
  id: number;
  purpose: string;
  generation: number;
  state: 'pending' | 'current' | 'previous' | 'retired';
}

export async function fieldKeyStates(db: Queryable): Promise<FieldKeyState[]> {
  const rows = await keyRows(db);
  return rows.map((row) => {
    const newest = rows.filter((r) => r.purpose === row.purpose && r.activatedAt !== null && r.retiredAt === null).pop();
    const state = row.retiredAt !== null ? 'retired' : row.activatedAt === null ? 'pending' : newest?.id === row.id ? 'current' : 'previous';
    return { id: row.id, purpose: row.purpose, generation: row.generation, state };
  });
}

/** A signature of the key rows (ids and states): a server reloads its keys when it changes. */
export async function fieldKeysSignature(db: Queryable): Promise<string> {
  const [{ signature }] = await db.query(
    `SELECT coalesce(string_agg(id || ':' || ("activatedAt" IS NOT NULL) || ':' || ("retiredAt" IS NOT NULL) || ':' || "masterFingerprint", ',' ORDER BY id), '') AS signature FROM field_keys`,
  );
  return signature;
}

/** What `rewrapFieldKeys` did. */
export interface FieldKeyRotation {
  rewrapped: number;
  alreadyNew: number;
}

/**
 * Re-wraps every data key under `newKey` in the caller's transaction (only the key rows: the encrypted values stay as
 * they are). A key already under `newKey` is left alone, so a second run is harmless; a key under neither refuses the
 * whole rotation.
 */
export async function rewrapFieldKeys(db: Queryable, oldKey: Buffer, newKey: Buffer): Promise<FieldKeyRotation> {
  if (oldKey.equals(newKey)) throw new KeyRotationError(SAME_KEY);
  const result: FieldKeyRotation = { rewrapped: 0, alreadyNew: 0 };
  for (const row of await db.query(`SELECT id, purpose, wrapped, "masterFingerprint" FROM field_keys ORDER BY id FOR UPDATE`) as KeyRow[]) {
    let dataKey: Buffer;
    try {
      dataKey = unwrapDataKey(oldKey, row.purpose, row.wrapped);
    } catch {
      try {
        unwrapDataKey(newKey, row.purpose, row.wrapped);
        result.alreadyNew += 1;
        continue;
      } catch {
        throw new KeyRotationError(
          `The field key of ${row.purpose} opens with neither RUTA_OLD_SECRET_KEY nor RUTA_SECRET_KEY: is RUTA_OLD_SECRET_KEY the key in use? Nothing was changed`,
        );
      }
    }
    await db.query(`UPDATE field_keys SET wrapped = $2, "masterFingerprint" = $3 WHERE id = $1`, [row.id, wrapDataKey(newKey, row.purpose, dataKey), keyFingerprint(newKey)]);
    result.rewrapped += 1;
  }
  return result;
}

/**
 * SQL that is true where the column holds a value that is not in the encrypted format (clear text). The same text as
 * the predicate of the column's partial index in migration 1764405300000 (`IDX_<table>_<column>_clear`), so the
 * start-up scan reads that index — empty once everything is encrypted — instead of the table.
 */
export function clearCondition(field: Pick<EncryptedField, 'column' | 'kind'>): string {
  const col = `"${field.column}"`;
  return field.kind === 'text'
    ? `${col} IS NOT NULL AND ${col} NOT LIKE '${TEXT_PREFIX}%'`
    : `${col} IS NOT NULL AND substring(${col} from 1 for 2) <> '\\x${hex(FIELD_MAGIC)}${hex(FIELD_VERSION)}'::bytea`;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/** SQL giving the audit entity id of a row of `field` (alias `t`). */
export function auditEntityId(field: EncryptedField): string {
  return field.entity?.idSql ?? `t."${field.caseColumn}"::text`;
}

const BATCH = 500;

/** One batch of a column's clear values (the statement the start-up step runs; its plan is checked at scale in a test). */
export function clearScanSql(field: EncryptedField): string {
  return `SELECT t."${field.key}"::text AS id, ${auditEntityId(field)} AS "entityId", t."${field.column}" AS value FROM "${field.table}" t
    WHERE ${clearCondition(field)} LIMIT ${field.batch ?? BATCH}`;
}

/**
 * Encrypts in place every clear value left in ENCRYPTED_FIELDS (rows written before field encryption, or by SQL that
 * bypassed the entities), in batches, with an audit event per row (`update`, reason `field_encryption`). A batch is
 * read through the column's partial index of clear rows (no keyset needed: an encrypted row leaves the index), so a
 * start where everything is encrypted costs one empty index probe per column, at any size. Idempotent: encrypted
 * values are never touched. Runs at start-up as the owner (the field-encryption seed). Returns the counts per column.
 */
export async function encryptClearFields(db: Queryable, cipher: FieldCipher): Promise<{ column: string; encrypted: number }[]> {
  const results = [];
  for (const field of await presentFields(db)) {
    let encrypted = 0;
    const seen = new Set<string>();
    for (;;) {
      const rows: { id: string; entityId: string; value: string | Buffer }[] = await db.query(clearScanSql(field));
      if (!rows.length) break;
      for (const row of rows) {
        if (seen.has(row.id)) throw new Error(`${field.table}.${field.column}: a row stayed in clear after its encryption`);
        seen.add(row.id);
      }
      const values = rows.map((r) =>
        field.kind === 'text' ? cipher.encryptText(field.table, field.column, r.value as string) : cipher.encryptBytes(field.table, field.column, r.value as Buffer),
      );
      await db.query(
        `UPDATE "${field.table}" t SET "${field.column}" = v.value FROM unnest($1::uuid[], $2::${field.kind === 'text' ? 'text' : 'bytea'}[]) AS v(id, value)
          WHERE t."${field.key}" = v.id`,
        [rows.map((r) => r.id), values],
      );
      await auditFieldEncryption(db, field.entity?.type ?? 'case', field.table, [field.column], rows.map((r) => r.entityId));
      encrypted += rows.length;
    }
    results.push({ column: `${field.table}.${field.column}`, encrypted });
  }
  return results;
}

/** What `verifyFields` found in one column. */
export interface FieldVerification {
  column: string;
  opened: number;
  /** Values that do not open (altered, moved, unknown key): their row keys, never their content. */
  failed: string[];
  /** Values still in clear text (the start-up step encrypts them). */
  clear: number;
  /** How many values each data key id holds (a key no column uses any more can be retired). */
  byKey: Record<number, number>;
}

/** Opens every value of ENCRYPTED_FIELDS with `cipher` (owner connection, past row-level security), in keyset batches. */
export async function verifyFields(db: Queryable, cipher: FieldCipher): Promise<FieldVerification[]> {
  const results: FieldVerification[] = [];
  for (const field of await presentFields(db)) {
    const result: FieldVerification = { column: `${field.table}.${field.column}`, opened: 0, failed: [], clear: 0, byKey: {} };
    let last: string | null = null;
    for (;;) {
      const rows: { id: string; value: string | Buffer }[] = await db.query(
        `SELECT "${field.key}"::text AS id, "${field.column}" AS value FROM "${field.table}"
          WHERE "${field.column}" IS NOT NULL AND ($1::uuid IS NULL OR "${field.key}" > $1::uuid) ORDER BY "${field.key}" LIMIT ${field.batch ?? BATCH}`,
        [last],
      );
      if (!rows.length) break;
      last = rows[rows.length - 1].id;
      for (const row of rows) {
        const keyId = FieldCipher.keyIdOf(row.value);
        if (keyId === null) {
          result.clear += 1;
          continue;
        }
        result.byKey[keyId] = (result.byKey[keyId] ?? 0) + 1;
        try {
          if (field.kind === 'text') cipher.decryptText(field.table, field.column, row.value as string);
          else cipher.decryptBytes(field.table, field.column, row.value as Buffer);
          result.opened += 1;
        } catch {
          result.failed.push(row.id);
        }
      }
    }
    results.push(result);
  }
  return results;
}

/** The fields whose table this schema has (an area whose migration is not there has nothing encrypted). */
export async function presentFields(db: Queryable): Promise<EncryptedField[]> {
  const present: { table: string }[] = await db.query(
    `SELECT relname AS table FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname = ANY($1::text[])`,
    [FIELD_KEY_PURPOSES],
  );
  const tables = new Set(present.map((p) => p.table));
  return ENCRYPTED_FIELDS.filter((f) => tables.has(f.table));
}

/**
 * One audit event per row a start-up or migration step encrypted: the entity, the table and the columns, never a value.
 * Every step that encrypts stored rows records them through this.
 */
export async function auditFieldEncryption(db: Queryable, entityType: string, table: string, fields: readonly string[], entityIds: string[]): Promise<void> {
  if (!entityIds.length) return;
  await db.query(
    `INSERT INTO audit_events (action, "entityType", "entityId", outcome, details)
     SELECT 'update', $4, id, 'success', jsonb_build_object('reason', 'field_encryption', 'table', $2::text, 'fields', $3::jsonb)
       FROM unnest($1::text[]) AS id`,
    [entityIds, table, JSON.stringify(fields), entityType],
  );
}
