import { Injectable } from '@nestjs/common';
import {
  activeBlindIndexKey,
  auditFieldEncryption,
  BLIND_INDEX_KEY_PURPOSE,
  blindIndex,
  DemoSeed,
  FieldCipher,
  loadFieldKeysForSeed,
  resolveSecretKey,
  SecretBox,
  TEXT_PREFIX,
} from '@ruta/platform';

/** What runs SQL: an EntityManager, a DataSource or a query runner. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The caller's number as digits only, with Colombia's country code, so `+57 300 123 4567` and `3001234567` match. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[^0-9]/g, '');
  if (digits.length < 6 || digits.length > 15) return null;
  return digits.length === 10 && digits.startsWith('3') ? `57${digits}` : digits;
}

/**
 * The blind index of a normalised caller number (HMAC under the `blind_index` data key, blind-index.ts), in its own
 * namespace: a number that is also somebody's document number gives another hash, so the two tables cannot be joined.
 */
export function callerPhoneIndex(key: Buffer, normalised: string): string {
  return blindIndex(key, `phone ${normalised}`);
}

/**
 * The caller's number at rest, under the one field-encryption scheme: `hotline_contacts.phone` is encrypted
 * (FieldCipher under the table's data key, ENCRYPTED_FIELDS: data-key rotation and keys:verify cover it) and
 * `phoneHash` is its blind index, so repeat callers are found by an indexed equality (`IDX_hotline_contacts_phone`)
 * without the number being readable in the database, its backups or the logs. The blind-index key is not rotated, so a
 * rotation of the data keys leaves every hash valid.
 */
@Injectable()
export class CallerPhone {
  /** The normalised number (the entity's transformer encrypts it) and its blind index, or nulls for no number. */
  protect(raw: string | undefined | null): { phone: string | null; phoneHash: string | null } {
    const normalised = raw ? normalisePhone(raw) : null;
    if (!normalised) return { phone: null, phoneHash: null };
    return { phone: normalised, phoneHash: callerPhoneIndex(activeBlindIndexKey(), normalised) };
  }
}

/** The secret box's format (`v1.<iv>.<tag>.<ciphertext>`): a number sealed before migration 1764405700000. */
const SEALED = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const BATCH = 500;

/**
 * Encrypts and indexes every caller number not yet in the encrypted format: the numbers sealed under the server key
 * before migration 1764405700000 (which moved them into `phone`: only the server can open them), and clear numbers
 * written by bulk SQL (the demo seed). Batches read through `IDX_hotline_contacts_phone_clear` (the field-encryption
 * scan's partial index; a converted row leaves it), each row's number opened or normalised, encrypted and given its
 * blind index in one statement, with an audit event per row (`update`, reason `field_encryption`). Runs at start-up as
 * the owner before the field-encryption seed, which would otherwise encrypt a sealed value as if it were the number.
 */
export async function encryptCallerPhones(db: Queryable, cipher: FieldCipher, blindKey: Buffer, box: SecretBox): Promise<number> {
  let done = 0;
  const seen = new Set<string>();
  for (;;) {
    const rows: { id: string; value: string }[] = await db.query(
      `SELECT id::text AS id, phone AS value FROM hotline_contacts t WHERE phone IS NOT NULL AND phone NOT LIKE '${TEXT_PREFIX}%' LIMIT ${BATCH}`,
    );
    if (!rows.length) break;
    const ids: string[] = [];
    const phones: (string | null)[] = [];
    const hashes: (string | null)[] = [];
    for (const row of rows) {
      if (seen.has(row.id)) throw new Error('hotline_contacts.phone: a row stayed in clear after its encryption');
      seen.add(row.id);
      const number = normalisePhone(SEALED.test(row.value) ? box.open(row.value) : row.value);
      ids.push(row.id);
      // A value that is no number at all (never written by the server) is not kept.
      phones.push(number ? cipher.encryptText('hotline_contacts', 'phone', number) : null);
      hashes.push(number ? callerPhoneIndex(blindKey, number) : null);
    }
    await db.query(
      `UPDATE hotline_contacts t SET phone = v.phone, "phoneHash" = v.hash FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, phone, hash) WHERE t.id = v.id`,
      [ids, phones, hashes],
    );
    await auditFieldEncryption(db, 'hotline_contact', 'hotline_contacts', ['phone', 'phoneHash'], ids);
    done += rows.length;
  }
  return done;
}

/** The start-up step of the caller numbers (before the field-encryption seed; see `encryptCallerPhones`). */
export const callerPhoneSeed: DemoSeed = {
  area: 'hotline',
  async run(manager, config) {
    const cipher = await loadFieldKeysForSeed(manager, config);
    const done = await encryptCallerPhones(manager, cipher, cipher.dataKey(BLIND_INDEX_KEY_PURPOSE), new SecretBox(resolveSecretKey(config)));
    return done ? [`Hotline caller numbers encrypted and indexed: ${done}`] : [];
  },
};
