import { MigrationInterface, QueryRunner } from 'typeorm';
import { fastCaseScope } from './1764404200000-FastScopes';

const SEARCH_SQL = 'ruta_search_victim_names_sql(integer, boolean)';

/**
 * Issue 15 (name search at 1,000,000 cases): an investigator's search ANDed her institution's entry of the GIN index
 * (`IDX_victims_name_tokens`, institution and tokens) with each word's tokens. A GIN index keeps one posting list per
 * key and column, so the institution's is a list of every victim of the institution (71,000 at 1,000,000 cases) that the
 * scan walks beside the words' lists: 6–13 ms of a search, against 1–2 ms for the same words without the institution,
 * and growing with the table.
 *
 * Each victim now also carries its name tokens keyed by its case's institution (`scopedNameTokens`: the first 64 bits
 * of SHA-256 over institution and token, `ruta_scoped_name_tokens`), kept by a trigger whenever the tokens or the
 * institution change, in a GIN of its own (`IDX_victims_scoped_name_tokens`). A search within one institution looks up
 * the same words keyed the same way, so it reads only that institution's postings of those words: a fourteenth of the
 * lists, a few dozen entries for two common names. The whole-centre search (coordinators) keeps `nameTokens`. The key
 * of the blind index stays the only secret: the scoped tokens are a public function of the keyed ones.
 */
export class InstitutionNameTokens1764406500000 implements MigrationInterface {
  name = 'InstitutionNameTokens1764406500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION ruta_scoped_name_tokens(p_tokens bigint[], p_institution uuid) RETURNS bigint[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
      $$ SELECT array(SELECT ('x' || encode(substring(sha256(convert_to(p_institution::text || ':' || t::text, 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint
                      FROM unnest(p_tokens) t) $$`);
    await queryRunner.query(`ALTER TABLE "victims" ADD COLUMN "scopedNameTokens" bigint[]`);
    await queryRunner.query(`CREATE FUNCTION ruta_victims_scoped_name_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW."scopedNameTokens" := ruta_scoped_name_tokens(NEW."nameTokens", NEW."ownerInstitutionId");
        RETURN NEW;
      END $$`);
    // After "victims_institution" (BEFORE triggers fire by name), which sets the institution this one reads.
    await queryRunner.query(`CREATE TRIGGER "victims_scoped_name_tokens" BEFORE INSERT OR UPDATE OF "nameTokens", "ownerInstitutionId", "caseId", "scopedNameTokens" ON "victims"
      FOR EACH ROW EXECUTE FUNCTION ruta_victims_scoped_name_tokens()`);
    await queryRunner.query(`UPDATE "victims" SET "scopedNameTokens" = NULL WHERE "nameTokens" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_victims_scoped_name_tokens" ON "victims" USING gin ("scopedNameTokens")`);

    // The search within an institution reads the scoped tokens; the case's own institution (and scope) is checked on
    // the case, so that the old index's institution list is never ANDed in.
    const [{ definition }] = await queryRunner.query(`SELECT pg_get_functiondef($1::regprocedure) AS definition`, [SEARCH_SQL]);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ruta_search_victim_names_sql(p_words integer, p_institution boolean) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT 'SELECT v."caseId", (SELECT count(*)::int FROM unnest($2::bigint[]) e WHERE e = ANY (v."nameTokens")) AS "exactWords"'
        || ' FROM victims v JOIN cases c ON c.id = v."caseId" WHERE '
        || CASE WHEN p_institution
             THEN (SELECT string_agg(format('v."scopedNameTokens" && ruta_scoped_name_tokens(($1::bigint[])[%s:%s], $3::uuid)', i, i), ' AND ') FROM generate_series(1, p_words) i)
                  || ' AND c."ownerInstitutionId" = $3::uuid'
             ELSE (SELECT string_agg(format('v."nameTokens" && ($1::bigint[])[%s:%s]', i, i), ' AND ') FROM generate_series(1, p_words) i) END
        || ' AND ' || $scope$${fastCaseScope('c')}$scope$
    $$`);
    await queryRunner.query(`COMMENT ON FUNCTION ${SEARCH_SQL} IS ${quote(definition)}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ definition }] = await queryRunner.query(`SELECT obj_description($1::regprocedure, 'pg_proc') AS definition`, [SEARCH_SQL]);
    await queryRunner.query(definition);
    await queryRunner.query(`COMMENT ON FUNCTION ${SEARCH_SQL} IS NULL`);
    await queryRunner.query(`DROP INDEX "IDX_victims_scoped_name_tokens"`);
    await queryRunner.query(`DROP TRIGGER "victims_scoped_name_tokens" ON "victims"`);
    await queryRunner.query(`DROP FUNCTION ruta_victims_scoped_name_tokens()`);
    await queryRunner.query(`ALTER TABLE "victims" DROP COLUMN "scopedNameTokens"`);
    await queryRunner.query(`DROP FUNCTION ruta_scoped_name_tokens(bigint[], uuid)`);
  }
}

/** A SQL string literal (dollar quotes would clash with the function body's own). */
function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
