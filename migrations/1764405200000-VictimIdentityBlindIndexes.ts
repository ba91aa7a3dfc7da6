import { MigrationInterface, QueryRunner } from 'typeorm';
import { fastCaseScope } from './1764404200000-FastScopes';
import { APP_ROLE } from './rls';

/**
 * Field encryption, second slice (issue 16, item 2): the victim's identity — given and family names, aliases, document
 * number, birth date — is stored encrypted (`encryptedText`, FieldCipher), and search and duplicate detection work on
 * blind indexes computed by the server under the `blind_index` data key (server/src/platform/crypto/blind-index.ts):
 *
 * - `nameTokens` bigint[]: 64-bit HMAC tokens of every normalised word of the names and aliases and of its one-deletion
 *   variants (one typo per word: substitution, insertion, deletion). A query word matches with `&&` on its own tokens;
 *   all words must match (one `&&` per word, ANDed in one GIN bitmap scan). NULL until the start-up step has indexed a
 *   row written before this migration (or by bulk SQL).
 * - `ownerInstitutionId`: the case's institution, kept by triggers, first column of the multicolumn GIN (btree_gin)
 *   IDX_victims_name_tokens, so an institution's search reads only its own entries of a word.
 * - `documentNumberHash`: HMAC of the normalised document number (exact look-ups, duplicates).
 * - `birthDateHash`: HMAC of the birth date (the same-date rules of intake duplicates and link requests).
 * - `birthYear`: what the on-demand check (year ± 1) needs in clear; the full date is encrypted. Age band and the minor
 *   flag are on `cases` (computed at write time), so statistics need nothing else.
 *
 * The clear copies go: `searchName` (its trigger and trigram index) and `documentNumberNormalized`. The identity
 * columns become `text` (an encrypted value is longer than the clear one; `aliases` holds the JSON list, encrypted).
 * A migration has no key: the rows already there are tokenised and encrypted by the start-up step (fieldEncryptionSeed,
 * in keyset batches). `down` refuses once any identity is encrypted or tokenised.
 *
 * The name search (`ruta_search_victim_names(words, exact)`) and the duplicate functions take the tokens as parameters
 * (computed in node); row-level security is unchanged (the functions are SECURITY DEFINER, as before, because `&&` is
 * not leakproof and could not use the index under the policies; they apply the caller's scope themselves).
 */
export class VictimIdentityBlindIndexes1764405200000 implements MigrationInterface {
  name = 'VictimIdentityBlindIndexes1764405200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA public`);
    await queryRunner.query(`ALTER TABLE "victims"
      ADD COLUMN "ownerInstitutionId" uuid,
      ADD COLUMN "nameTokens" bigint[],
      ADD COLUMN "documentNumberHash" character varying(64),
      ADD COLUMN "birthDateHash" character varying(64),
      ADD COLUMN "birthYear" smallint`);
    await queryRunner.query(`UPDATE "victims" v SET "ownerInstitutionId" = c."ownerInstitutionId", "birthYear" = extract(year FROM v."birthDate")::smallint
      FROM "cases" c WHERE c.id = v."caseId"`);

    await queryRunner.query(`DROP TRIGGER "victims_search_name" ON "victims"`);
    await queryRunner.query(`DROP FUNCTION ruta_victims_search_name()`);
    await queryRunner.query(`DROP INDEX "IDX_victims_search_name"`);
    await queryRunner.query(`DROP INDEX "IDX_victims_document"`);
    await queryRunner.query(`DROP INDEX "IDX_victims_birth_date"`);
    await queryRunner.query(`ALTER TABLE "victims" DROP COLUMN "searchName", DROP COLUMN "documentNumberNormalized"`);
    await queryRunner.query(`ALTER TABLE "victims" ALTER COLUMN "aliases" DROP DEFAULT, ALTER COLUMN "aliases" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "victims"
      ALTER COLUMN "givenNames" TYPE text,
      ALTER COLUMN "familyNames" TYPE text,
      ALTER COLUMN "documentNumber" TYPE text,
      ALTER COLUMN "birthDate" TYPE text USING to_char("birthDate", 'YYYY-MM-DD'),
      ALTER COLUMN "aliases" TYPE text USING CASE WHEN cardinality("aliases") > 0 THEN array_to_json("aliases")::text END`);
    await queryRunner.query(`ALTER TABLE "victims" ALTER COLUMN "ownerInstitutionId" SET NOT NULL`);

    await queryRunner.query(`CREATE INDEX "IDX_victims_name_tokens" ON "victims" USING gin ("ownerInstitutionId", "nameTokens")`);
    await queryRunner.query(`CREATE INDEX "IDX_victims_document_hash" ON "victims" ("documentNumberHash")`);
    await queryRunner.query(`CREATE INDEX "IDX_victims_birth_year" ON "victims" ("birthYear")`);
    await queryRunner.query(`CREATE INDEX "IDX_victims_birth_date_hash" ON "victims" ("birthDateHash")`);
    await queryRunner.query(`CREATE INDEX "IDX_victims_unindexed" ON "victims" ("caseId") WHERE "nameTokens" IS NULL`);

    // The victim row carries its case's institution (the name index's first column), whoever writes it.
    await queryRunner.query(`CREATE FUNCTION ruta_victims_institution() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        NEW."ownerInstitutionId" := (SELECT c."ownerInstitutionId" FROM cases c WHERE c.id = NEW."caseId");
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "victims_institution" BEFORE INSERT OR UPDATE OF "caseId", "ownerInstitutionId" ON "victims"
      FOR EACH ROW EXECUTE FUNCTION ruta_victims_institution()`);
    await queryRunner.query(`CREATE FUNCTION ruta_cases_victim_institution() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE victims SET "ownerInstitutionId" = NEW."ownerInstitutionId" WHERE "caseId" = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "cases_victim_institution" AFTER UPDATE OF "ownerInstitutionId" ON "cases"
      FOR EACH ROW WHEN (OLD."ownerInstitutionId" IS DISTINCT FROM NEW."ownerInstitutionId") EXECUTE FUNCTION ruta_cases_victim_institution()`);

    await this.createFunctions(queryRunner);
  }

  private async createFunctions(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ruta_search_victim_names(text)`);
    await queryRunner.query(`DROP FUNCTION ruta_link_request_matches(uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_case_possible_duplicates(uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_find_possible_duplicates(text, text, date, text, uuid)`);
    await queryRunner.query(`DROP FUNCTION ruta_check_possible_duplicates(text, text, integer, text)`);

    // How many words of a search (one row of tokens per word) a row's tokens match.
    await queryRunner.query(`CREATE FUNCTION ruta_name_words_matched(p_tokens bigint[], p_words bigint[]) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT count(*)::int FROM generate_subscripts(p_words, 1) i WHERE p_tokens && p_words[i:i] $$`);
    // A stored name's whole-word tokens (lowest bit 0; deletion variants have it set), for comparing two stored names.
    await queryRunner.query(`CREATE FUNCTION ruta_name_words(p_tokens bigint[]) RETURNS bigint[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT array(SELECT t FROM unnest(p_tokens) t WHERE t & 1 = 0) $$`);
    // Two stored names match when 60 % of the first one's words are among the second one's (exact, accent-free).
    await queryRunner.query(`CREATE FUNCTION ruta_stored_names_match(p_a bigint[], p_b bigint[]) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT cardinality(w) > 0 AND (SELECT count(*) FROM unnest(w) e WHERE e = ANY (p_b)) >= ceil(0.6 * cardinality(w))
         FROM (SELECT ruta_name_words(p_a) AS w) x $$`);

    // Name search: one `&&` per word, so the GIN scan ANDs the words' bitmaps; the caller's institution narrows it when
    // the scope is the institution. Dynamic SQL because the number of words varies (planned per call, with the values);
    // the statement comes from ruta_search_victim_names_sql() so that the plan test can EXPLAIN the very same text.
    // Parameters: $1 the words' tokens (bigint[][], one row per word), $2 their whole-word tokens, $3 the institution (only with p_institution).
    await queryRunner.query(`CREATE FUNCTION ruta_search_victim_names_sql(p_words integer, p_institution boolean) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT 'SELECT v."caseId", (SELECT count(*)::int FROM unnest($2::bigint[]) e WHERE e = ANY (v."nameTokens")) AS "exactWords"'
        || ' FROM victims v JOIN cases c ON c.id = v."caseId" WHERE '
        || (SELECT string_agg(format('v."nameTokens" && ($1::bigint[])[%s:%s]', i, i), ' AND ') FROM generate_series(1, p_words) i)
        || CASE WHEN p_institution THEN ' AND v."ownerInstitutionId" = $3::uuid' ELSE '' END
        || ' AND ' || $scope$${fastCaseScope('c')}$scope$
    $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_search_victim_names(p_words bigint[], p_exact bigint[])
      RETURNS TABLE("caseId" uuid, "exactWords" integer)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS $$
      BEGIN
        IF NOT ruta_ctx_has_permission('victim_identity:read') OR coalesce(array_length(p_words, 1), 0) = 0 OR array_length(p_words, 1) > 8 THEN
          RETURN;
        END IF;
        IF ruta_ctx_scope() = 'institution' AND NOT ruta_ctx_system() THEN
          RETURN QUERY EXECUTE ruta_search_victim_names_sql(array_length(p_words, 1), true) USING p_words, p_exact, ruta_ctx_institution();
        ELSE
          RETURN QUERY EXECUTE ruta_search_victim_names_sql(array_length(p_words, 1), false) USING p_words, p_exact;
        END IF;
      END $$`);

    await queryRunner.query(`CREATE FUNCTION ruta_find_possible_duplicates(p_document text, p_words bigint[], p_birth text, p_sex text, p_exclude uuid)
      RETURNS TABLE("institutionId" uuid, "matchedOn" text, "code" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT c."ownerInstitutionId", m.matched_on,
             CASE WHEN ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById") THEN c.code END
      FROM (
        SELECT v."caseId", 'document'::text AS matched_on FROM victims v
         WHERE p_document IS NOT NULL AND v."documentNumberHash" = p_document
        UNION
        SELECT v."caseId", 'name_birth_date'::text FROM victims v
         WHERE p_words IS NOT NULL AND p_birth IS NOT NULL AND v."birthDateHash" = p_birth
           AND ruta_name_words_matched(v."nameTokens", p_words) >= ceil(0.6 * array_length(p_words, 1))
           AND (p_sex IS NULL OR v."sex" = p_sex)
      ) m JOIN cases c ON c.id = m."caseId"
      WHERE (ruta_ctx_has_permission('cases:create') OR ruta_ctx_has_permission('cases:read'))
        AND c.id IS DISTINCT FROM p_exclude
      LIMIT 50
    $$`);
    await queryRunner.query(`CREATE FUNCTION ruta_check_possible_duplicates(p_document text, p_words bigint[], p_birth_year integer, p_sex text)
      RETURNS TABLE("institutionId" uuid, "matchedOn" text, "code" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT c."ownerInstitutionId", m.matched_on,
             CASE WHEN ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById") THEN c.code END
      FROM (
        SELECT v."caseId", 'document'::text AS matched_on FROM victims v
         WHERE p_document IS NOT NULL AND v."documentNumberHash" = p_document
           AND ruta_name_words_matched(v."nameTokens", p_words) >= ceil(0.6 * array_length(p_words, 1))
        UNION
        SELECT v."caseId", 'name_birth_date'::text FROM victims v
         WHERE p_birth_year IS NOT NULL AND v."birthYear" BETWEEN p_birth_year - 1 AND p_birth_year + 1
           AND v."nameTokens" && (SELECT array_agg(t) FROM unnest(p_words) t)
           AND ruta_name_words_matched(v."nameTokens", p_words) >= ceil(0.6 * array_length(p_words, 1))
           AND (p_sex IS NULL OR v."sex" = p_sex)
      ) m JOIN cases c ON c.id = m."caseId"
      WHERE p_words IS NOT NULL AND ruta_ctx_has_permission('cases:create')
      LIMIT 50
    $$`);
    // The possible duplicates of a stored case, from its own victim record (its tokens), to whoever can see that case.
    await queryRunner.query(`CREATE FUNCTION ruta_case_possible_duplicates(p_case uuid)
      RETURNS TABLE("institutionId" uuid, "matchedOn" text, "code" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT d."ownerInstitutionId", m.matched_on,
             CASE WHEN ruta_case_in_scope(d.id, d."ownerInstitutionId", d."createdById") THEN d.code END
      FROM cases c JOIN victims rv ON rv."caseId" = c.id
      CROSS JOIN LATERAL (
        SELECT v."caseId", 'document'::text AS matched_on FROM victims v
         WHERE rv."documentNumberHash" IS NOT NULL AND v."documentNumberHash" = rv."documentNumberHash"
        UNION
        SELECT v."caseId", 'name_birth_date'::text FROM victims v
         WHERE rv."birthDateHash" IS NOT NULL AND v."birthDateHash" = rv."birthDateHash" AND ruta_stored_names_match(rv."nameTokens", v."nameTokens")
           AND (rv.sex = 'unknown' OR v.sex = rv.sex)
      ) m JOIN cases d ON d.id = m."caseId"
      WHERE c.id = p_case AND d.id <> c.id AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")
        AND (ruta_ctx_has_permission('cases:create') OR ruta_ctx_has_permission('cases:read'))
      LIMIT 50
    $$`);
    // For the institution a request was sent to: which of its own cases (that the caller can see) match the
    // requesting case's victim, by document number or by name + birth date. Never another institution's case.
    await queryRunner.query(`CREATE FUNCTION ruta_link_request_matches(p_request uuid)
      RETURNS TABLE("caseId" uuid, "code" character varying)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT DISTINCT c.id, c.code
      FROM case_link_requests r
      JOIN victims rv ON rv."caseId" = r."requestingCaseId"
      JOIN victims v ON v."caseId" <> rv."caseId" AND v."ownerInstitutionId" = r."targetInstitutionId" AND (
        (rv."documentNumberHash" IS NOT NULL AND v."documentNumberHash" = rv."documentNumberHash")
        OR (rv."birthDateHash" IS NOT NULL AND v."birthDateHash" = rv."birthDateHash" AND ruta_stored_names_match(rv."nameTokens", v."nameTokens")
            AND (rv.sex = 'unknown' OR v.sex = rv.sex)))
      JOIN cases c ON c.id = v."caseId"
      WHERE r.id = p_request
        AND r."targetInstitutionId" = ruta_ctx_institution()
        AND c."ownerInstitutionId" = r."targetInstitutionId"
        AND ruta_ctx_has_permission('cases:update')
        AND ruta_case_in_scope(c.id, c."ownerInstitutionId", c."createdById")
      ORDER BY c.code
      LIMIT 20
    $$`);
    for (const fn of [
      'ruta_search_victim_names(bigint[], bigint[])',
      'ruta_find_possible_duplicates(text, bigint[], text, text, uuid)',
      'ruta_check_possible_duplicates(text, bigint[], integer, text)',
      'ruta_case_possible_duplicates(uuid)',
      'ruta_link_request_matches(uuid)',
    ]) {
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }
  }

  public async down(): Promise<void> {
    throw new Error(
      'The victims identity is encrypted and indexed under keys a migration does not have: reverting it means decrypting with the key, not done by a migration',
    );
  }
}
