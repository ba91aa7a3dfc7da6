import { MigrationInterface, QueryRunner } from 'typeorm';
import { clearIndexName, clearValueCondition } from './1764405300000-MoreEncryptedFields';
import { APP_ROLE } from './rls';

/** The alleged traffickers' identity columns stored encrypted from now on (ENCRYPTED_FIELDS lists them too). */
const IDENTITY = ['name', 'aliases', 'documentNumber'];

/**
 * Field encryption of the alleged traffickers' identity (issue 16: "the alleged traffickers' identity"), as the
 * victims' (migration 1764405200000): `alleged_traffickers.name`, `aliases` (one encrypted JSON list) and
 * `documentNumber` are stored encrypted by the server (FieldCipher, the table's data key); search and duplicates work on
 * blind indexes the server computes (blind-index.ts, under a key derived from the `blind_index` data key for this
 * table, so a trafficker's tokens and hashes cannot be matched against a victim's):
 *
 * - `nameTokens` bigint[]: the tokens of every normalised word of the name and aliases and of its one-deletion
 *   variants; one GIN with the institution (btree_gin) `IDX_alleged_traffickers_name_tokens`, since every reader but
 *   the system sees only their institution's. NULL until the start-up step has indexed a row written before this
 *   migration (or by bulk SQL: the demo seed): `IDX_alleged_traffickers_unindexed`.
 * - `documentNumberHash`: HMAC of the normalised document number (exact search, duplicates).
 *
 * The clear copy goes: `searchName` (generated, its trigram and order indexes). The list, ordered by that name until
 * now, is ordered by when the record was made (`IDX_alleged_traffickers_institution_created`): an encrypted name has no
 * order. A migration has no key: existing rows are tokenised and encrypted by the start-up step
 * (`traffickerIdentitySeed`, keyset batches, an audit event per row). `down` refuses once any identity is encrypted or
 * tokenised (going back needs the key); on a database where none is, it restores the clear columns.
 *
 * Search and duplicates go through SECURITY DEFINER functions that apply the table's read policy themselves (the
 * caller's institution, a read permission of the area, the institution or all scope; or the system), because `&&` is
 * not leakproof and could not use the index under row-level security; the repository reads the rows they name under
 * row-level security as before.
 */
export class TraffickerIdentityEncryption1764405600000 implements MigrationInterface {
  name = 'TraffickerIdentityEncryption1764405600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_alleged_traffickers_institution_name"`);
    await queryRunner.query(`DROP INDEX "IDX_alleged_traffickers_search_name"`);
    await queryRunner.query(`DROP INDEX "IDX_alleged_traffickers_document"`);
    await queryRunner.query(`ALTER TABLE "alleged_traffickers" DROP COLUMN "searchName"`);
    await queryRunner.query(`ALTER TABLE "alleged_traffickers" ALTER COLUMN "aliases" DROP DEFAULT, ALTER COLUMN "aliases" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "alleged_traffickers"
      ALTER COLUMN "name" TYPE text,
      ALTER COLUMN "documentNumber" TYPE text,
      ALTER COLUMN "aliases" TYPE text USING CASE WHEN cardinality("aliases") > 0 THEN array_to_json("aliases")::text END,
      ADD COLUMN "nameTokens" bigint[],
      ADD COLUMN "documentNumberHash" character varying(64)`);

    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_name_tokens" ON "alleged_traffickers" USING gin ("institutionId", "nameTokens")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_alleged_traffickers_document_hash" ON "alleged_traffickers" ("institutionId", "documentNumberHash") WHERE "documentNumberHash" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_institution_created" ON "alleged_traffickers" ("institutionId", "createdAt", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_unindexed" ON "alleged_traffickers" ("id") WHERE "nameTokens" IS NULL`);
    // The start-up scan's partial index of clear values, one per encrypted column (as migration 1764405300000's).
    for (const column of IDENTITY) {
      await queryRunner.query(`CREATE INDEX "${clearIndexName('alleged_traffickers', column)}" ON "alleged_traffickers" (("id"::text)) WHERE ${clearValueCondition(column, 'text')}`);
    }
    await this.createFunctions(queryRunner);
  }

  private async createFunctions(queryRunner: QueryRunner): Promise<void> {
    // Who may read alleged traffickers, and whose: the read policy of migration 1764404400000, for the functions.
    const readable = `(SELECT ruta_ctx_system()) OR (((SELECT ruta_ctx_has_permission('operations:read')) OR (SELECT ruta_ctx_has_permission('proceedings:read')))
        AND (SELECT ruta_ctx_scope()) IN ('institution', 'all'))`;
    // Name search: one `&&` per word (the GIN ANDs the words' bitmaps), inside the caller's institution unless system.
    // Parameters: $1 the words' tokens (bigint[][], one row per word), $2 their whole-word tokens, $3 the institution.
    await queryRunner.query(`CREATE FUNCTION ruta_search_trafficker_names_sql(p_words integer, p_institution boolean) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT 'SELECT t.id, (SELECT count(*)::int FROM unnest($2::bigint[]) e WHERE e = ANY (t."nameTokens")) AS "exactWords" FROM alleged_traffickers t WHERE '
        || (SELECT string_agg(format('t."nameTokens" && ($1::bigint[])[%s:%s]', i, i), ' AND ') FROM generate_series(1, p_words) i)
        || CASE WHEN p_institution THEN ' AND t."institutionId" = $3::uuid' ELSE '' END
    $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_search_trafficker_names(p_words bigint[], p_exact bigint[])
      RETURNS TABLE("id" uuid, "exactWords" integer)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS $$
      BEGIN
        IF NOT (${readable}) OR coalesce(array_length(p_words, 1), 0) = 0 OR array_length(p_words, 1) > 8 THEN
          RETURN;
        END IF;
        IF ruta_ctx_system() THEN
          RETURN QUERY EXECUTE ruta_search_trafficker_names_sql(array_length(p_words, 1), false) USING p_words, p_exact;
        ELSE
          RETURN QUERY EXECUTE ruta_search_trafficker_names_sql(array_length(p_words, 1), true) USING p_words, p_exact, ruta_ctx_institution();
        END IF;
      END $$`);
    // Possible duplicates of a record among the caller's institution's: the same document (hash), or a similar name
    // (60 % of its words within one typo each, as the victims' on-demand check), document matches first.
    await queryRunner.query(`CREATE FUNCTION ruta_trafficker_possible_duplicates(p_document text, p_words bigint[], p_exact bigint[], p_except uuid)
      RETURNS TABLE("id" uuid, "reason" text, "exactWords" integer)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT m.id, CASE WHEN bool_or(m.by_document) THEN 'document' ELSE 'name' END,
             (SELECT count(*)::int FROM alleged_traffickers t, unnest(p_exact) e WHERE t.id = m.id AND e = ANY (t."nameTokens"))
      FROM (
        SELECT t.id, true AS by_document FROM alleged_traffickers t
         WHERE p_document IS NOT NULL AND t."documentNumberHash" = p_document AND t."institutionId" = (SELECT ruta_ctx_institution())
        UNION ALL
        SELECT t.id, false FROM alleged_traffickers t
         WHERE p_words IS NOT NULL AND t."institutionId" = (SELECT ruta_ctx_institution())
           AND t."nameTokens" && (SELECT array_agg(x) FROM unnest(p_words) x)
           AND ruta_name_words_matched(t."nameTokens", p_words) >= ceil(0.6 * array_length(p_words, 1))
      ) m
      WHERE (${readable}) AND m.id IS DISTINCT FROM p_except
      GROUP BY m.id
      ORDER BY bool_or(m.by_document) DESC, 3 DESC, m.id
      LIMIT 10
    $$`);
    for (const fn of ['ruta_search_trafficker_names(bigint[], bigint[])', 'ruta_trafficker_possible_duplicates(text, bigint[], bigint[], uuid)']) {
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query(
      `SELECT count(*)::int AS n FROM alleged_traffickers WHERE "nameTokens" IS NOT NULL OR name LIKE 'enc:%' OR aliases LIKE 'enc:%' OR "documentNumber" LIKE 'enc:%'`,
    );
    if (n > 0) {
      throw new Error(`${n} alleged traffickers' identities are encrypted or indexed under keys a migration does not have: reverting it means decrypting with the key, not done by a migration`);
    }
    await queryRunner.query(`DROP FUNCTION ruta_trafficker_possible_duplicates(text, bigint[], bigint[], uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_search_trafficker_names(bigint[], bigint[])`);
    await queryRunner.query(`DROP FUNCTION ruta_search_trafficker_names_sql(integer, boolean)`);
    for (const column of IDENTITY) await queryRunner.query(`DROP INDEX "${clearIndexName('alleged_traffickers', column)}"`);
    for (const index of ['unindexed', 'institution_created', 'document_hash', 'name_tokens']) await queryRunner.query(`DROP INDEX "IDX_alleged_traffickers_${index}"`);
    // The aliases back to a text array (a sub-select cannot be a column's USING expression: through a new column).
    await queryRunner.query(`ALTER TABLE "alleged_traffickers" ADD COLUMN "aliasList" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "alleged_traffickers" SET "aliasList" = ARRAY(SELECT json_array_elements_text(aliases::json)) WHERE aliases IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "alleged_traffickers" DROP COLUMN "aliases", DROP COLUMN "nameTokens", DROP COLUMN "documentNumberHash"`);
    await queryRunner.query(`ALTER TABLE "alleged_traffickers" RENAME COLUMN "aliasList" TO "aliases"`);
    await queryRunner.query(`ALTER TABLE "alleged_traffickers" ALTER COLUMN "name" TYPE character varying(200), ALTER COLUMN "documentNumber" TYPE character varying(40)`);
    await queryRunner.query(`ALTER TABLE "alleged_traffickers" ADD "searchName" text GENERATED ALWAYS AS (ruta_normalize_name("name")) STORED`);
    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_institution_name" ON "alleged_traffickers" ("institutionId", "searchName", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_search_name" ON "alleged_traffickers" USING gin ("searchName" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_alleged_traffickers_document" ON "alleged_traffickers" ("documentNumber") WHERE "documentNumber" IS NOT NULL`);
  }
}
