import { auditFieldEncryption, birthDateIndex, BLIND_INDEX_KEY_PURPOSE, blindIndex, DemoSeed, FieldCipher, loadFieldKeysForSeed, nameWords, normalizeDocument, TEXT_PREFIX, wordTokens } from '@ruta/platform';

/** What runs SQL: an EntityManager, a DataSource or a query runner. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The victims' identity columns stored encrypted (ENCRYPTED_FIELDS lists them too, for keys:verify). */
export const VICTIM_IDENTITY_COLUMNS = ['givenNames', 'familyNames', 'aliases', 'documentNumber', 'birthDate'] as const;
type IdentityColumn = (typeof VICTIM_IDENTITY_COLUMNS)[number];

const BATCH = 2000;

/**
 * Indexes and encrypts the victims rows that have no blind index yet (`nameTokens` IS NULL): rows from before migration
 * 1764405200000, or written by bulk SQL (demo seed, imports). Keyset batches over the partial index
 * IDX_victims_unindexed; each row's clear identity (opened first when already encrypted) gives its name tokens,
 * document hash and birth year, and every identity value still in clear is encrypted in the same statement, with an
 * audit event per row (`update`, reason `field_encryption`). Idempotent; the owner runs it at start-up.
 */
export async function indexVictimIdentities(db: Queryable, cipher: FieldCipher, key: Buffer, onBatch?: (done: number) => void): Promise<number> {
  let done = 0;
  let last: string | null = null;
  // Names repeat: each distinct word is hashed once.
  const cache = new Map<string, string[]>();
  const tokensOf = (...names: (string | null)[]) => {
    const all = new Set<string>();
    for (const word of names.flatMap((n) => nameWords(n))) {
      let tokens = cache.get(word);
      if (!tokens) cache.set(word, (tokens = wordTokens(key, word)));
      for (const t of tokens) all.add(t);
    }
    return [...all];
  };
  for (;;) {
    const rows: ({ id: string } & Record<IdentityColumn, string | null>)[] = await db.query(
      `SELECT "caseId"::text AS id, "givenNames", "familyNames", aliases, "documentNumber", "birthDate" FROM victims
        WHERE "nameTokens" IS NULL AND ($1::uuid IS NULL OR "caseId" > $1::uuid) ORDER BY "caseId" LIMIT ${BATCH}`,
      [last],
    );
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    const out = { tokens: [] as string[], hash: [] as (string | null)[], birth: [] as (string | null)[], year: [] as (number | null)[] } as Record<string, unknown[]>;
    for (const column of VICTIM_IDENTITY_COLUMNS) out[column] = [];
    for (const row of rows) {
      const clear = {} as Record<IdentityColumn, string | null>;
      for (const column of VICTIM_IDENTITY_COLUMNS) {
        const value = row[column];
        clear[column] = value !== null && value.startsWith(TEXT_PREFIX) ? cipher.decryptText('victims', column, value) : value;
        out[column].push(value === null || value.startsWith(TEXT_PREFIX) ? value : cipher.encryptText('victims', column, value));
      }
      const aliases: string[] = clear.aliases ? JSON.parse(clear.aliases) : [];
      out.tokens.push(`{${tokensOf(clear.givenNames, clear.familyNames, ...aliases).join(',')}}`);
      out.hash.push(blindIndex(key, normalizeDocument(clear.documentNumber)));
      out.birth.push(birthDateIndex(key, clear.birthDate));
      out.year.push(clear.birthDate ? Number(clear.birthDate.slice(0, 4)) : null);
    }
    await db.query(
      `UPDATE victims t SET "nameTokens" = v.tokens::bigint[], "documentNumberHash" = v.hash, "birthDateHash" = v.birth_hash, "birthYear" = v.year,
          "givenNames" = v.given, "familyNames" = v.family, aliases = v.aliases, "documentNumber" = v.doc, "birthDate" = v.birth
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
          AS v(id, tokens, hash, year, given, family, aliases, doc, birth, birth_hash)
       WHERE t."caseId" = v.id`,
      [rows.map((r) => r.id), out.tokens, out.hash, out.year, out.givenNames, out.familyNames, out.aliases, out.documentNumber, out.birthDate, out.birth],
    );
    const encrypted = rows.filter((r) => VICTIM_IDENTITY_COLUMNS.some((c) => r[c] !== null && !r[c]!.startsWith(TEXT_PREFIX)));
    await auditFieldEncryption(db, 'case', 'victims', VICTIM_IDENTITY_COLUMNS, encrypted.map((r) => r.id));
    done += rows.length;
    onBatch?.(done);
  }
  return done;
}

/**
 * The start-up step of the victims' identity, before the field-encryption seed (so that a clear identity is read once,
 * indexed and encrypted in the same pass): rows without blind indexes are indexed and encrypted.
 */
export const victimIdentitySeed: DemoSeed = {
  area: 'cases',
  async run(manager, config) {
    const cipher = await loadFieldKeysForSeed(manager, config);
    const done = await indexVictimIdentities(manager, cipher, cipher.dataKey(BLIND_INDEX_KEY_PURPOSE));
    return done ? [`Victims identity indexed and encrypted: ${done}`] : [];
  },
};
