import { randomBytes } from 'node:crypto';
import { keyFingerprint } from '../backup/backup-format';
import { ENCRYPTED_FIELDS, EncryptedField, FIELD_MAGIC, FIELD_VERSION, FieldCipher, TEXT_PREFIX } from './field-cipher';
import { auditEntityId, clearCondition, fieldKeyStates, loadFieldCipher, presentFields, Queryable, wrapDataKey } from './field-keys';

/** What the data-key rotation did to one table. */
export interface TableKeyRotation {
  table: string;
  /** The key every value of the table is under now. */
  keyId: number;
  /** Values re-encrypted (or encrypted, when they were still in clear) under it by this run. */
  reencrypted: number;
  /** Older keys retired by this run: no value uses them any more. */
  retired: number[];
  /** Older keys still used (values written under them while the rotation ran by a server that had not reloaded): run again. */
  stillUsed: { keyId: number; values: number }[];
}

export interface DataKeyRotationOptions {
  /**
   * Returns once every running server has reloaded the field keys (they poll `field_keys`): the command line waits past
   * their refresh interval; a test reloads its server itself.
   */
  settle: () => Promise<void>;
  /** One line per batch at most once a second, and one per table. */
  progress?: (line: string) => void;
  batch?: number;
}

/**
 * Rotates the data keys themselves (`npm run key:rotate -- --data-keys`), online, with the servers running:
 *
 * 1. every table gets a new key, pending: the servers load it (they can open values under it) but still write under
 *    the old one; `settle`;
 * 2. the new keys are activated: the servers write under them from their next reload; `settle`;
 * 3. every value of the table not under its new key is re-encrypted under it, in keyset batches of one short
 *    transaction each (a compare-and-set: a value a request changed meanwhile is left as the request wrote it, under
 *    the new key), with an audit event per row (`update`, reason `field_key_rotation`);
 * 4. the values are counted per key id; an older key no value uses any more is retired (never written under again;
 *    its wrapped key stays, so a restored older backup of a row still opens), one still used is reported.
 *
 * Resumable: a crash leaves values under both keys, both open; running it again finds the newest key of each table
 * pending or active with an older one not retired, and continues with it instead of making another. `db` is one
 * owner connection outside any transaction (each batch is its own).
 */
export async function rotateDataKeys(db: Queryable, masterKey: Buffer, options: DataKeyRotationOptions): Promise<TableKeyRotation[]> {
  const say = options.progress ?? (() => undefined);
  const fields = (await presentFields(db)).filter((f) => ENCRYPTED_FIELDS.includes(f));
  const tables = [...new Set(fields.map((f) => f.table))];
  // The servers create a missing key at start-up; do the same, so every table has one to rotate from.
  await loadFieldCipher(db, masterKey, { create: true });

  const states = await fieldKeyStates(db);
  const targets = new Map<string, number>();
  let created = 0;
  for (const table of tables) {
    const mine = states.filter((s) => s.purpose === table);
    const newest = mine[mine.length - 1];
    const unfinished = newest && (newest.state === 'pending' || mine.some((s) => s.id !== newest.id && s.state === 'previous'));
    if (newest && unfinished) {
      targets.set(table, newest.id);
      say(`${table}: continuing the rotation to key ${newest.id}`);
      continue;
    }
    const [{ id }] = await db.query(
      `INSERT INTO field_keys (purpose, generation, wrapped, "masterFingerprint", "activatedAt") VALUES ($1, $2, $3, $4, NULL) RETURNING id`,
      [table, (newest?.generation ?? 0) + 1, wrapDataKey(masterKey, table, randomBytes(32)), keyFingerprint(masterKey)],
    );
    targets.set(table, id);
    created += 1;
  }
  if (created) {
    say(`Created ${created} new data keys, pending: waiting for the servers to load them`);
    await options.settle();
  }
  const activated = await db.query(`UPDATE field_keys SET "activatedAt" = now() WHERE id = ANY($1::int[]) AND "activatedAt" IS NULL RETURNING id`, [[...targets.values()]]);
  if ((activated as unknown[]).length || created) {
    say('Activated the new data keys: waiting for the servers to write under them');
    await options.settle();
  }

  const cipher = await loadFieldCipher(db, masterKey);
  const results: TableKeyRotation[] = [];
  for (const table of tables) {
    const keyId = targets.get(table)!;
    const result: TableKeyRotation = { table, keyId, reencrypted: 0, retired: [], stillUsed: [] };
    const columns = fields.filter((f) => f.table === table);
    // A second pass catches values a lagging server wrote under the old key during the first.
    for (let pass = 0; pass < 3; pass++) {
      for (const field of columns) result.reencrypted += await reencryptColumn(db, cipher, field, keyId, options.batch, say);
      const used = await keysInUse(db, columns);
      const older = states.filter((s) => s.purpose === table && s.id !== keyId && s.state !== 'retired').map((s) => s.id);
      result.stillUsed = older.filter((id) => used.get(id)).map((id) => ({ keyId: id, values: used.get(id)! }));
      const unused = older.filter((id) => !used.get(id));
      if (unused.length) {
        await db.query(`UPDATE field_keys SET "retiredAt" = now() WHERE id = ANY($1::int[]) AND "retiredAt" IS NULL`, [unused]);
        result.retired.push(...unused);
      }
      if (!result.stillUsed.length) break;
    }
    say(
      `${table}: ${result.reencrypted} values under key ${keyId}${result.retired.length ? `; retired key ${result.retired.join(', ')}` : ''}${
        result.stillUsed.length ? `; still used: ${result.stillUsed.map((u) => `key ${u.keyId} by ${u.values} values`).join(', ')} (run again)` : ''
      }`,
    );
    results.push(result);
  }
  return results;
}

/** The stored prefix of every value under `keyId`: `enc:` and the base64url of the 6-byte header (8 characters), or the header. */
export function keyPrefix(kind: 'text' | 'bytes', keyId: number): string | Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt8(FIELD_MAGIC, 0);
  header.writeUInt8(FIELD_VERSION, 1);
  header.writeUInt32BE(keyId, 2);
  return kind === 'text' ? TEXT_PREFIX + header.toString('base64url') : header;
}

/** SQL true where the column's value is not under the key whose prefix is $1 (null values aside). */
function notUnder(field: EncryptedField): string {
  const col = `t."${field.column}"`;
  return field.kind === 'text'
    ? `${col} IS NOT NULL AND left(${col}, ${(keyPrefix('text', 0) as string).length}) <> $1::text`
    : `${col} IS NOT NULL AND substring(${col} from 1 for 6) <> $1::bytea`;
}

async function reencryptColumn(db: Queryable, cipher: FieldCipher, field: EncryptedField, keyId: number, batch = field.batch ?? 500, say: (line: string) => void): Promise<number> {
  const prefix = keyPrefix(field.kind, keyId);
  const target = cipher.writingUnder(field.table, keyId);
  let last: string | null = null;
  let done = 0;
  let spoke = Date.now();
  for (;;) {
    await db.query('BEGIN');
    try {
      await db.query(`SELECT set_config('ruta.system', 'on', true)`);
      const rows: { id: string; entityId: string; value: string | Buffer }[] = await db.query(
        `SELECT t."${field.key}"::text AS id, ${auditEntityId(field)} AS "entityId", t."${field.column}" AS value FROM "${field.table}" t
          WHERE ${notUnder(field)}${last === null ? '' : ` AND t."${field.key}" > $2::uuid`} ORDER BY t."${field.key}" LIMIT ${batch}`,
        last === null ? [prefix] : [prefix, last],
      );
      if (!rows.length) {
        await db.query('COMMIT');
        return done;
      }
      last = rows[rows.length - 1].id;
      const values = rows.map((r) => {
        if (field.kind === 'text') {
          const text = r.value as string;
          return target.encryptText(field.table, field.column, text.startsWith(TEXT_PREFIX) ? cipher.decryptText(field.table, field.column, text) : text);
        }
        const bytes = r.value as Buffer;
        return target.encryptBytes(field.table, field.column, FieldCipher.keyIdOf(bytes) === null ? bytes : cipher.decryptBytes(field.table, field.column, bytes));
      });
      const type = field.kind === 'text' ? 'text' : 'bytea';
      // Compare-and-set: a row a request changed since the SELECT keeps what the request wrote.
      const changed: { entityId: string }[] = await db.query(
        `UPDATE "${field.table}" t SET "${field.column}" = v.value FROM unnest($1::uuid[], $2::${type}[], $3::${type}[]) AS v(id, old, value)
          WHERE t."${field.key}" = v.id AND t."${field.column}" = v.old RETURNING ${auditEntityId(field)} AS "entityId"`,
        [rows.map((r) => r.id), rows.map((r) => r.value), values],
      );
      const entityIds = (Array.isArray(changed[0]) ? (changed[0] as unknown as { entityId: string }[]) : changed).map((c) => c.entityId);
      await db.query(
        `INSERT INTO audit_events (action, "entityType", "entityId", outcome, details)
         SELECT 'update', $4, id, 'success', jsonb_build_object('reason', 'field_key_rotation', 'table', $2::text, 'fields', jsonb_build_array($3::text), 'key', $5::int)
           FROM unnest($1::text[]) AS id`,
        [entityIds, field.table, field.column, field.entity?.type ?? 'case', keyId],
      );
      await db.query('COMMIT');
      done += entityIds.length;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
    if (Date.now() - spoke >= 1000) {
      say(`${field.table}.${field.column}: ${done} re-encrypted under key ${keyId}`);
      spoke = Date.now();
    }
  }
}

/** How many values each key id holds in these columns (one grouped pass per column over the 6-byte headers). */
async function keysInUse(db: Queryable, fields: EncryptedField[]): Promise<Map<number, number>> {
  const used = new Map<number, number>();
  for (const field of fields) {
    const header =
      field.kind === 'text'
        ? `decode(translate(substring(t."${field.column}" from ${TEXT_PREFIX.length + 1} for 8), '-_', '+/'), 'base64')`
        : `substring(t."${field.column}" from 1 for 6)`;
    const rows: { keyId: number; n: number }[] = await db.query(
      `SELECT get_byte(h, 2) * 16777216 + get_byte(h, 3) * 65536 + get_byte(h, 4) * 256 + get_byte(h, 5) AS "keyId", count(*)::int AS n
         FROM (SELECT ${header} AS h FROM "${field.table}" t WHERE t."${field.column}" IS NOT NULL AND NOT (${clearCondition(field)})) x GROUP BY 1`,
    );
    for (const row of rows) used.set(Number(row.keyId), (used.get(Number(row.keyId)) ?? 0) + row.n);
  }
  return used;
}
