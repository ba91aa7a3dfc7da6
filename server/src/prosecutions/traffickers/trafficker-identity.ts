import { createHmac } from 'node:crypto';
import {
  activeBlindIndexKey,
  activeFieldCipher,
  auditFieldEncryption,
  BLIND_INDEX_KEY_PURPOSE,
  blindIndex,
  DemoSeed,
  encryptedText,
  FieldCipher,
  loadFieldKeysForSeed,
  nameQueryParameters,
  nameTokens,
  normalizeDocument,
  TEXT_PREFIX,
} from '@ruta/platform';

/** What runs SQL: an EntityManager, a DataSource or a query runner. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const TRAFFICKERS_TABLE = 'alleged_traffickers';
/** The alleged traffickers' identity columns stored encrypted (migration 1764405600000; ENCRYPTED_FIELDS lists them too). */
export const TRAFFICKER_IDENTITY_COLUMNS = ['name', 'aliases', 'documentNumber'] as const;
type IdentityColumn = (typeof TRAFFICKER_IDENTITY_COLUMNS)[number];

export interface TraffickerIdentity {
  name: string;
  aliases: string[];
  documentNumber: string | null;
}

/** The identity as stored: encrypted values and the blind indexes (name tokens as bigint strings, document hash). */
export interface StoredTraffickerIdentity {
  name: string;
  aliases: string | null;
  documentNumber: string | null;
  nameTokens: string[];
  documentNumberHash: string | null;
}

const derived = new WeakMap<Buffer, Buffer>();

/**
 * The blind-index key of the alleged traffickers: derived from the `blind_index` data key (HMAC with this table's
 * label), so their tokens and document hashes are the victims' scheme under another key — a database reader cannot tell
 * that a victim and an alleged trafficker share a name word or a document number.
 */
export function traffickerIndexKey(blindKey: Buffer): Buffer {
  let key = derived.get(blindKey);
  if (!key) derived.set(blindKey, (key = createHmac('sha256', blindKey).update(`ruta blind index ${TRAFFICKERS_TABLE}`, 'utf8').digest()));
  return key;
}

export function activeTraffickerIndexKey(): Buffer {
  return traffickerIndexKey(activeBlindIndexKey());
}

/** Exact look-up hash of a document number ("1.023.456-7" and "10234567" are the same). */
export function traffickerDocumentIndex(key: Buffer, documentNumber: string | null | undefined): string | null {
  return blindIndex(key, normalizeDocument(documentNumber));
}

/** The blind indexes of an identity: tokens of the name and aliases, hash of the document. */
export function traffickerIndexes(key: Buffer, identity: TraffickerIdentity): Pick<StoredTraffickerIdentity, 'nameTokens' | 'documentNumberHash'> {
  return { nameTokens: nameTokens(key, identity.name, ...identity.aliases), documentNumberHash: traffickerDocumentIndex(key, identity.documentNumber) };
}

/** The identity encrypted under the table's data key, with its blind indexes: what an insert writes. */
export function sealTraffickerIdentity(identity: TraffickerIdentity, cipher: FieldCipher = activeFieldCipher(), key: Buffer = activeTraffickerIndexKey()): StoredTraffickerIdentity {
  return {
    name: cipher.encryptText(TRAFFICKERS_TABLE, 'name', identity.name),
    aliases: identity.aliases.length ? cipher.encryptText(TRAFFICKERS_TABLE, 'aliases', JSON.stringify(identity.aliases)) : null,
    documentNumber: identity.documentNumber ? cipher.encryptText(TRAFFICKERS_TABLE, 'documentNumber', identity.documentNumber) : null,
    ...traffickerIndexes(key, identity),
  };
}

/** The words of a name search as SQL parameters (tokens per word and whole-word tokens), null when no word is left. */
export function traffickerNameQuery(name: string | null | undefined): { words: string[][]; exact: string[] } | null {
  return nameQueryParameters(activeTraffickerIndexKey(), name);
}

const opener = Object.fromEntries(TRAFFICKER_IDENTITY_COLUMNS.map((c) => [c, encryptedText(TRAFFICKERS_TABLE, c)])) as Record<IdentityColumn, ReturnType<typeof encryptedText>>;

/**
 * Opens a stored value of a column (raw SQL returns the ciphertext; only the server opens it). A value without the
 * encrypted format is a clear value from before migration 1764405600000 or bulk SQL, read as it is until the next
 * start encrypts it — as the entity transformers do.
 */
export function openTraffickerField(column: 'name' | 'documentNumber', stored: string | null): string | null {
  return stored === null || stored === undefined ? null : (opener[column].from(stored) as string);
}

export function openTraffickerAliases(stored: string | null): string[] {
  const text = stored === null || stored === undefined ? null : (opener.aliases.from(stored) as string);
  return text ? (JSON.parse(text) as string[]) : [];
}

/** Opens the `name` of each row in place (`field` names the column holding it). */
export function openNames<T extends object>(rows: T[], field: keyof T & string = 'name' as keyof T & string): T[] {
  return rows.map((r) => ({ ...r, [field]: openTraffickerField('name', (r as Record<string, unknown>)[field] as string | null) }));
}

const BATCH = 2000;

/**
 * Indexes and encrypts the alleged traffickers without blind indexes yet (`nameTokens` IS NULL: rows from before
 * migration 1764405600000, or written by bulk SQL such as the demo seed), in keyset batches over the partial index
 * IDX_alleged_traffickers_unindexed: each row's clear identity (opened first when already encrypted) gives its name
 * tokens and document hash, every identity value still in clear is encrypted in the same statement, and each row that
 * had one gets an audit event (`update`, reason `field_encryption`). Idempotent; the owner runs it at start-up.
 */
export async function indexTraffickerIdentities(db: Queryable, cipher: FieldCipher, key: Buffer): Promise<number> {
  let done = 0;
  let last: string | null = null;
  const isSealed = (v: string | null) => v !== null && v.startsWith(TEXT_PREFIX);
  for (;;) {
    const rows: ({ id: string } & Record<IdentityColumn, string | null>)[] = await db.query(
      `SELECT id::text AS id, name, aliases, "documentNumber" FROM alleged_traffickers
        WHERE "nameTokens" IS NULL AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT ${BATCH}`,
      [last],
    );
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    const out = { tokens: [] as string[], hash: [] as (string | null)[], name: [] as string[], aliases: [] as (string | null)[], documentNumber: [] as (string | null)[] };
    for (const row of rows) {
      const clear = (column: IdentityColumn) => (isSealed(row[column]) ? cipher.decryptText(TRAFFICKERS_TABLE, column, row[column]!) : row[column]);
      const seal = (column: IdentityColumn) => (row[column] === null || isSealed(row[column]) ? row[column] : cipher.encryptText(TRAFFICKERS_TABLE, column, row[column]!));
      const aliases = clear('aliases');
      const indexes = traffickerIndexes(key, { name: clear('name') ?? '', aliases: aliases ? JSON.parse(aliases) : [], documentNumber: clear('documentNumber') });
      out.tokens.push(`{${indexes.nameTokens.join(',')}}`);
      out.hash.push(indexes.documentNumberHash);
      out.name.push(seal('name')!);
      out.aliases.push(seal('aliases'));
      out.documentNumber.push(seal('documentNumber'));
    }
    await db.query(
      `UPDATE alleged_traffickers t SET "nameTokens" = v.tokens::bigint[], "documentNumberHash" = v.hash, name = v.name, aliases = v.aliases, "documentNumber" = v.doc
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS v(id, tokens, hash, name, aliases, doc)
       WHERE t.id = v.id`,
      [rows.map((r) => r.id), out.tokens, out.hash, out.name, out.aliases, out.documentNumber],
    );
    const encrypted = rows.filter((r) => TRAFFICKER_IDENTITY_COLUMNS.some((c) => r[c] !== null && !isSealed(r[c])));
    await auditFieldEncryption(db, 'trafficker', 'alleged_traffickers', TRAFFICKER_IDENTITY_COLUMNS, encrypted.map((r) => r.id));
    done += rows.length;
  }
  return done;
}

/**
 * The start-up step of the alleged traffickers' identity, after the seeds and before the field-encryption seed (a
 * clear identity is read once, indexed and encrypted in the same pass).
 */
export const traffickerIdentitySeed: DemoSeed = {
  area: 'prosecutions',
  async run(manager, config) {
    const cipher = await loadFieldKeysForSeed(manager, config);
    const done = await indexTraffickerIdentities(manager, cipher, traffickerIndexKey(cipher.dataKey(BLIND_INDEX_KEY_PURPOSE)));
    return done ? [`Alleged traffickers identity indexed and encrypted: ${done}`] : [];
  },
};
