import { createHmac } from 'node:crypto';
import type { RutaConfig } from '../config/config';
import { resolveSecretKey } from '../config/secret-key';
import { activeFieldCipher, BLIND_INDEX_KEY_PURPOSE, FieldCipher, installFieldCipher } from './field-cipher';
import { loadFieldCipher, Queryable } from './field-keys';

export { BLIND_INDEX_KEY_PURPOSE };

/**
 * Blind indexes: keyed hashes (HMAC-SHA256) that let PostgreSQL find an encrypted value without holding it in clear.
 * The key is a data key of `field_keys` (purpose `blind_index`), wrapped under RUTA_SECRET_KEY like the others: with
 * the database alone nobody can compute a hash to test a guess ("is Juan Pérez in here?").
 *
 * - Exact look-ups (`blindIndex`): a document number, a phone number — normalised by the caller, hashed whole (hex).
 * - Names (`nameTokens` to store, `nameQueryTokens` to search): per word of the normalised name, the hash of the word
 *   and of each one-deletion variant of it (the "deletion neighbourhood"), truncated to 64 bits (bigint[] with a GIN
 *   index). Two words within one edit (a substitution, an insertion or a deletion) share a token; a query word matches
 *   a row when `tokens && ARRAY[its tokens]`, every query word must match (one `&&` per word: a GIN bitmap AND), and
 *   rows are ranked by how many words matched exactly.
 *
 * Why not hashed trigrams: hashed trigrams only support overlap ("share k of n trigrams"), which needs a per-row count
 * after the index (the GIN scan returns every row sharing ANY trigram of the query — common trigrams like "mar", "ria"
 * hit a large share of a million victims, and the recheck/rank reads them all), and short names have too few trigrams
 * for a typo to keep a useful overlap. The deletion neighbourhood turns "one typo per word" into exact token equality:
 * each `&&` is selective (a name word plus its near spellings), the bitmap AND of the words is small, and nothing needs
 * a similarity function on the rows. It costs ~(length + 1) tokens per stored word, and it does not find two typos in one
 * word (trigrams would, sometimes) — the quality bar of issue 16 is one typo and missing accents.
 */

/** Words dropped from names before hashing: they are in half the names and distinguish nobody. */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y']);
/** Words shorter than this are matched exactly (a deletion of a 3-letter word leaves 2 letters: too many neighbours). */
const MIN_FUZZY_LENGTH = 4;

/**
 * Loads the field keys (creating missing ones) and installs the cipher, for a start-up step that runs before the
 * field-encryption seed (the victims' identity is indexed and encrypted in one pass, before anything else encrypts it).
 */
export async function loadFieldKeysForSeed(db: Queryable, config: RutaConfig): Promise<FieldCipher> {
  const cipher = await loadFieldCipher(db, resolveSecretKey(config), { create: true });
  installFieldCipher(cipher);
  return cipher;
}

/** The blind-index key of the running server (the field keys are loaded at start-up). */
export function activeBlindIndexKey(): Buffer {
  return activeFieldCipher().dataKey(BLIND_INDEX_KEY_PURPOSE);
}

/** Exact look-up hash of an already normalised value (hex, 64 characters); `null` stays `null`. */
export function blindIndex(key: Buffer, value: string): string;
export function blindIndex(key: Buffer, value: string | null | undefined): string | null;
export function blindIndex(key: Buffer, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return createHmac('sha256', key).update(`x:${value}`, 'utf8').digest('hex');
}

/** Exact look-up hash of an ISO birth date (its own namespace: no document number has a space). */
export function birthDateIndex(key: Buffer, date: string | null | undefined): string | null {
  return date ? blindIndex(key, `birth ${date}`) : null;
}

/** The words of a name as the index sees them: NFD, marks stripped, lower case, letters and digits, particles dropped. */
export function nameWords(name: string | null | undefined): string[] {
  return (name ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !PARTICLES.has(w));
}

/**
 * One 64-bit token. The lowest bit tells the kinds apart (0: a whole word, 1: a deletion variant), so SQL can pick a
 * row's whole-word tokens (`t & 1 = 0`) to compare two stored names word for word (link requests, a case's duplicates).
 */
function token(key: Buffer, tag: 'w' | 'd', text: string): string {
  const value = createHmac('sha256', key).update(`${tag}:${text}`, 'utf8').digest().readBigInt64BE(0);
  return (tag === 'w' ? value & ~1n : value | 1n).toString();
}

function deletions(word: string): string[] {
  if (word.length < MIN_FUZZY_LENGTH) return [];
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/** The tokens stored for one word: the word itself (`w:`) and its one-deletion variants (`d:`). */
export function wordTokens(key: Buffer, word: string): string[] {
  return [token(key, 'w', word), ...deletions(word).map((d) => token(key, 'd', d))];
}

/** The tokens stored for one or more names (given names, family names, aliases): distinct, as bigint strings. */
export function nameTokens(key: Buffer, ...names: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const name of names) for (const word of nameWords(name)) for (const t of wordTokens(key, word)) tokens.add(t);
  return [...tokens];
}

/** One word of a search: the token that says "this very word" (ranking) and every token that says "within one edit". */
export interface QueryWord {
  exact: string;
  any: string[];
}

/**
 * The tokens a query word matches a stored word with: the stored word equals it (`w:q`), it is a deletion of the
 * stored word (`d:q`), the stored word is a deletion of it (`w:x` for x a deletion of q), or both lost one letter where
 * they differ — a substitution (`d:x`).
 */
export function queryWordTokens(key: Buffer, word: string): QueryWord {
  const exact = token(key, 'w', word);
  const any = new Set([exact]);
  if (word.length >= MIN_FUZZY_LENGTH - 1) any.add(token(key, 'd', word));
  for (const d of deletions(word)) {
    any.add(token(key, 'w', d));
    any.add(token(key, 'd', d));
  }
  return { exact, any: [...any] };
}

/** The words of a search, each with its tokens (an empty list when no word is left after normalisation). */
export function nameQueryTokens(key: Buffer, name: string | null | undefined): QueryWord[] {
  return [...new Set(nameWords(name))].map((w) => queryWordTokens(key, w));
}

/**
 * The words of a search as SQL parameters: a rectangular bigint[][] (one row per word, padded with the word's own
 * first token; PostgreSQL arrays must be rectangular, a repeated element changes no overlap) and the whole-word tokens.
 */
export function nameQueryParameters(key: Buffer, name: string | null | undefined): { words: string[][]; exact: string[] } | null {
  const words = nameQueryTokens(key, name);
  if (!words.length) return null;
  const width = Math.max(...words.map((w) => w.any.length));
  return { words: words.map((w) => [...w.any, ...Array<string>(width - w.any.length).fill(w.any[0])]), exact: words.map((w) => w.exact) };
}

/** Upper case, letters and digits only: "1.023.456-7" and "10234567" are the same cédula (what the hash is taken of). */
export function normalizeDocument(value: string | null | undefined): string | null {
  const normalized = (value ?? '').normalize('NFKD').replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return normalized || null;
}
