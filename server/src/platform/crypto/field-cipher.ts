import type { ValueTransformer } from 'typeorm';
import { gcmOpen, gcmSeal } from './secret-box';

/**
 * One column whose values are stored encrypted (`FieldCipher`, under the data key of its table). `npm run keys:verify`
 * opens every value of these columns, and the start-up step (`encryptClearFields`) encrypts any clear value left in
 * them (rows written before migration 1764404840000). A feature that encrypts a new column adds it here and gives the
 * entity column `encryptedText` / `encryptedBytes`.
 */
export interface EncryptedField {
  table: string;
  column: string;
  /** `text` columns hold `enc:<base64url>`; `bytes` (bytea) columns hold the binary value itself. */
  kind: 'text' | 'bytes';
  /** The uuid primary key: keyset order of the batches. */
  key: string;
  /** The case the row belongs to: the audit event's entity. */
  caseColumn: string;
  /**
   * The audit event's entity when it is not the case of `caseColumn`: its type and an SQL expression over the row
   * (alias `t`) giving its id (a hotline contact has no case yet; a referral event reaches its case through its referral).
   */
  entity?: { type: string; idSql: string };
  /** Rows per batch (default 500). */
  batch?: number;
}

export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  { table: 'victims', column: 'phone', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  { table: 'victims', column: 'email', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  { table: 'victims', column: 'currentLocation', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  // The victim's identity (migration 1764405200000; searched through blind indexes, victim-identity-index.ts).
  { table: 'victims', column: 'givenNames', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  { table: 'victims', column: 'familyNames', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  { table: 'victims', column: 'aliases', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  { table: 'victims', column: 'documentNumber', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  { table: 'victims', column: 'birthDate', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  { table: 'victim_locations', column: 'shelterLocation', kind: 'text', key: 'caseId', caseColumn: 'caseId' },
  { table: 'case_notes', column: 'body', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'case_documents', column: 'content', kind: 'bytes', key: 'id', caseColumn: 'caseId', batch: 10 },
  // Other areas' free text about the victim (migration 1764405300000): what a referral says and why it ended, the
  // assistance notes, measures and closure texts, the relatives' names, the hotline contact's account.
  { table: 'referrals', column: 'message', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'referrals', column: 'overrideJustification', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'referrals', column: 'outcome', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'referrals', column: 'cancelReason', kind: 'text', key: 'id', caseColumn: 'caseId' },
  {
    table: 'referral_events',
    column: 'reason',
    kind: 'text',
    key: 'id',
    caseColumn: 'referralId',
    entity: { type: 'case', idSql: `(SELECT r."caseId"::text FROM referrals r WHERE r.id = t."referralId")` },
  },
  { table: 'assistance_services', column: 'notes', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'assistance_follow_ups', column: 'notes', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'risk_assessments', column: 'measures', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'assistance_closure_requests', column: 'note', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'assistance_closure_requests', column: 'comment', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'assistance_participants', column: 'fullName', kind: 'text', key: 'id', caseColumn: 'caseId' },
  { table: 'hotline_contacts', column: 'summary', kind: 'text', key: 'id', caseColumn: 'caseId', entity: { type: 'hotline_contact', idSql: `t.id::text` } },
  // The alleged traffickers' identity (migration 1764405600000; searched through blind indexes, trafficker-identity.ts).
  { table: 'alleged_traffickers', column: 'name', kind: 'text', key: 'id', caseColumn: 'id', entity: { type: 'trafficker', idSql: `t.id::text` } },
  { table: 'alleged_traffickers', column: 'aliases', kind: 'text', key: 'id', caseColumn: 'id', entity: { type: 'trafficker', idSql: `t.id::text` } },
  { table: 'alleged_traffickers', column: 'documentNumber', kind: 'text', key: 'id', caseColumn: 'id', entity: { type: 'trafficker', idSql: `t.id::text` } },
  // Migration 1764405700000: the hotline caller's number (its blind index `phoneHash` finds repeat callers;
  // server/src/hotline/contacts/caller-phone.ts) and a trafficking event's city abroad (free text).
  { table: 'hotline_contacts', column: 'phone', kind: 'text', key: 'id', caseColumn: 'caseId', entity: { type: 'hotline_contact', idSql: `t.id::text` } },
  { table: 'trafficking_events', column: 'city', kind: 'text', key: 'id', caseColumn: 'caseId' },
];

/** The data key of the blind indexes (HMAC of normalised names, document numbers, phone numbers; blind-index.ts). */
export const BLIND_INDEX_KEY_PURPOSE = 'blind_index';

/** One data key per table, and the blind-index key: the purposes `field_keys` holds a key for. */
export const FIELD_KEY_PURPOSES: readonly string[] = [...new Set(ENCRYPTED_FIELDS.map((f) => f.table)), BLIND_INDEX_KEY_PURPOSE];

/** First byte of every encrypted value (no PDF, JPEG, PNG or UTF-8 text starts with it), then the format version. */
export const FIELD_MAGIC = 0xef;
export const FIELD_VERSION = 0x01;
/** Prefix of an encrypted value in a text column. */
export const TEXT_PREFIX = 'enc:';
const HEADER = 6; // magic, version, key id (uint32, big-endian)
const IV = 12;
const TAG = 16;

/** A value that does not open: altered, moved from another column, under an unknown key, or not encrypted. Never names the value. */
export class FieldDecryptionError extends Error {
  constructor(table: string, column: string, why: string) {
    super(`An encrypted value of ${table}.${column} does not open: ${why}`);
    this.name = 'FieldDecryptionError';
  }
}

/**
 * Field encryption: AES-256-GCM under the data key of the value's table, a random 96-bit IV per value. Stored value:
 * `0xEF | version | key id (uint32 BE) | IV (12) | tag (16) | ciphertext`; the authenticated data is the header and
 * `table.column`, so a value copied into another column, or given another key id, does not open. Synchronous: the
 * data keys are unwrapped once at start-up (`loadFieldCipher`).
 */
export class FieldCipher {
  constructor(
    /** Every data key by id (old ones still open the values written under them). */
    private readonly keys: ReadonlyMap<number, Buffer>,
    /** The key new values of each table are written under. */
    private readonly current: ReadonlyMap<string, number>,
  ) {
    for (const key of keys.values()) if (key.length !== 32) throw new Error('A field data key must be 32 bytes');
  }

  /** The current data key of a purpose that is not a table's cipher key (the blind-index HMAC key). */
  dataKey(purpose: string): Buffer {
    const id = this.current.get(purpose);
    if (id === undefined) throw new Error(`No field key for ${purpose}: the start-up step creates one (npm start)`);
    return this.keys.get(id)!;
  }

  encryptBytes(table: string, column: string, plain: Buffer): Buffer {
    const id = this.current.get(table);
    if (id === undefined) throw new Error(`No field key for ${table}: the start-up step creates one (npm start)`);
    const header = Buffer.alloc(HEADER);
    header.writeUInt8(FIELD_MAGIC, 0);
    header.writeUInt8(FIELD_VERSION, 1);
    header.writeUInt32BE(id, 2);
    const { iv, tag, body } = gcmSeal(this.keys.get(id)!, plain, aad(header, table, column));
    return Buffer.concat([header, iv, tag, body]);
  }

  decryptBytes(table: string, column: string, stored: Buffer): Buffer {
    if (stored.length < HEADER + IV + TAG || stored[0] !== FIELD_MAGIC) throw new FieldDecryptionError(table, column, 'not an encrypted value');
    if (stored[1] !== FIELD_VERSION) throw new FieldDecryptionError(table, column, `unknown format version ${stored[1]}`);
    const id = stored.readUInt32BE(2);
    const key = this.keys.get(id);
    if (!key) throw new FieldDecryptionError(table, column, `unknown field key ${id}`);
    const header = stored.subarray(0, HEADER);
    const parts = { iv: stored.subarray(HEADER, HEADER + IV), tag: stored.subarray(HEADER + IV, HEADER + IV + TAG), body: stored.subarray(HEADER + IV + TAG) };
    try {
      return gcmOpen(key, parts, aad(header, table, column));
    } catch {
      throw new FieldDecryptionError(table, column, 'altered, or written for another column');
    }
  }

  encryptText(table: string, column: string, plain: string): string {
    return TEXT_PREFIX + this.encryptBytes(table, column, Buffer.from(plain, 'utf8')).toString('base64url');
  }

  decryptText(table: string, column: string, stored: string): string {
    if (!stored.startsWith(TEXT_PREFIX)) throw new FieldDecryptionError(table, column, 'not an encrypted value');
    return this.decryptBytes(table, column, Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64url')).toString('utf8');
  }

  /** The same keys, writing `table`'s new values under `keyId` (the data-key rotation re-encrypts with it). */
  writingUnder(table: string, keyId: number): FieldCipher {
    if (!this.keys.has(keyId)) throw new Error(`No field key ${keyId}`);
    return new FieldCipher(this.keys, new Map([...this.current, [table, keyId]]));
  }

  /** The key id a stored value names (verification counts values per key). */
  static keyIdOf(stored: Buffer | string): number | null {
    const bytes = typeof stored === 'string' ? (stored.startsWith(TEXT_PREFIX) ? Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64url') : null) : stored;
    return bytes && bytes.length >= HEADER && bytes[0] === FIELD_MAGIC ? bytes.readUInt32BE(2) : null;
  }
}

function aad(header: Buffer, table: string, column: string): Buffer {
  return Buffer.concat([header, Buffer.from(`ruta field ${table}.${column}`, 'utf8')]);
}

let active: FieldCipher | undefined;

/** Makes `cipher` the one the entity transformers use (at start-up, once the data keys are loaded). */
export function installFieldCipher(cipher: FieldCipher): void {
  active = cipher;
}

export function activeFieldCipher(): FieldCipher {
  if (!active) throw new Error('The field keys are not loaded: encrypted columns cannot be read or written yet');
  return active;
}

/**
 * TypeORM transformer of a text column listed in ENCRYPTED_FIELDS: the entity holds the clear text. Writes always
 * encrypt. A read of a value in the encrypted format opens it or throws (altered, moved, unknown key); a value without
 * the format is a clear value written past the entities (a database from before field encryption until its next start,
 * bulk SQL such as the benchmark's loader): it is returned as it is, the next start encrypts it (`encryptClearFields`)
 * and `npm run keys:verify` counts it.
 */
export function encryptedText(table: string, column: string): ValueTransformer {
  return {
    to: (value: string | null | undefined) => (value === null || value === undefined ? value : activeFieldCipher().encryptText(table, column, value)),
    from: (value: string | null) =>
      value === null || value === undefined || !value.startsWith(TEXT_PREFIX) ? value : activeFieldCipher().decryptText(table, column, value),
  };
}

/** TypeORM transformer of a bytea column listed in ENCRYPTED_FIELDS; reads as `encryptedText`. */
export function encryptedBytes(table: string, column: string): ValueTransformer {
  return {
    to: (value: Buffer | null | undefined) => (value === null || value === undefined ? value : activeFieldCipher().encryptBytes(table, column, value)),
    from: (value: Buffer | null) =>
      value === null || value === undefined || FieldCipher.keyIdOf(value) === null ? value : activeFieldCipher().decryptBytes(table, column, value),
  };
}
