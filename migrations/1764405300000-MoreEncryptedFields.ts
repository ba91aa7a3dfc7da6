import { MigrationInterface, QueryRunner } from 'typeorm';

/** The encrypted columns of this point of the chain: table, column, kind, uuid key (migrations never read the code's list). */
const FIELDS: [string, string, 'text' | 'bytes', string][] = [
  ['victims', 'phone', 'text', 'caseId'],
  ['victims', 'email', 'text', 'caseId'],
  ['victims', 'currentLocation', 'text', 'caseId'],
  // The victim's identity, encrypted by migration 1764405200000 (blind indexes).
  ['victims', 'givenNames', 'text', 'caseId'],
  ['victims', 'familyNames', 'text', 'caseId'],
  ['victims', 'aliases', 'text', 'caseId'],
  ['victims', 'documentNumber', 'text', 'caseId'],
  ['victims', 'birthDate', 'text', 'caseId'],
  ['victim_locations', 'shelterLocation', 'text', 'caseId'],
  ['case_notes', 'body', 'text', 'id'],
  ['case_documents', 'content', 'bytes', 'id'],
  ['referrals', 'message', 'text', 'id'],
  ['referrals', 'overrideJustification', 'text', 'id'],
  ['referrals', 'outcome', 'text', 'id'],
  ['referrals', 'cancelReason', 'text', 'id'],
  ['referral_events', 'reason', 'text', 'id'],
  ['assistance_services', 'notes', 'text', 'id'],
  ['assistance_follow_ups', 'notes', 'text', 'id'],
  ['risk_assessments', 'measures', 'text', 'id'],
  ['assistance_closure_requests', 'note', 'text', 'id'],
  ['assistance_closure_requests', 'comment', 'text', 'id'],
  ['assistance_participants', 'fullName', 'text', 'id'],
  ['hotline_contacts', 'summary', 'text', 'id'],
];

/** The same text as `clearCondition` in server/src/platform/crypto/field-keys.ts: the planner matches it to the index. */
export function clearValueCondition(column: string, kind: 'text' | 'bytes'): string {
  const col = `"${column}"`;
  return kind === 'text' ? `${col} IS NOT NULL AND ${col} NOT LIKE 'enc:%'` : `${col} IS NOT NULL AND substring(${col} from 1 for 2) <> '\\xef01'::bytea`;
}

/** The append-only tables with encrypted columns: their values may be encrypted, re-encrypted or erased, nothing else. */
const APPEND_ONLY: [string, string[]][] = [
  ['referral_events', ['reason']],
  ['risk_assessments', ['measures']],
  ['assistance_follow_ups', ['notes']],
];

export const clearIndexName = (table: string, column: string) => `IDX_${table}_${column}_clear`;

/**
 * Field encryption, second slice (issue 16):
 *
 * - Other areas' free text about the victim is stored encrypted by the server from now on (`ENCRYPTED_FIELDS`): a
 *   referral's message, override justification, outcome and cancel reason, the referral events' reasons, assistance
 *   service and follow-up notes, risk measures, closure notes and comments, the relatives' names, the hotline
 *   contact's summary. They are `text` already but `assistance_participants."fullName"` (varchar 200); the rows in clear
 *   are encrypted by the start-up step (a migration has no key).
 * - Data-key rotation (`npm run key:rotate -- --data-keys`): a table can have several data keys, one per `generation`;
 *   a new one is created pending (`activatedAt` null: the servers load it and can open values under it, but do not
 *   write under it yet), then activated, then every value is re-encrypted under it; the old one is marked `retiredAt`
 *   once nothing uses it.
 * - The start-up scan for clear values: one partial index per encrypted column over the rows still in clear. It is empty
 *   once everything is encrypted, so a normal start costs one index probe per column at any size, while a row written in
 *   clear (old rows, bulk SQL, the benchmark's loader) enters it and is found. The indexed expression is the key as text:
 *   an expression index is invisible to TypeORM's schema comparison (no entity declares it), like the index's purpose.
 * - Three of these tables are append-only (`referral_events`, `risk_assessments`, `assistance_follow_ups`): their
 *   trigger now lets an UPDATE through when it changes nothing but the encrypted columns and leaves each of them
 *   encrypted or null (the start-up step, the rotation, an erasure); anything else is refused as before, and the
 *   application role still has no UPDATE privilege on them. It replaces the privacy migration's erasure-only trigger
 *   of two of them (an erasure sets the column to null, which it lets through as well).
 */
export class MoreEncryptedFields1764405300000 implements MigrationInterface {
  name = 'MoreEncryptedFields1764405300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "field_keys" ADD "generation" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "field_keys" ADD "activatedAt" TIMESTAMP WITH TIME ZONE DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "field_keys" ADD "retiredAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "field_keys" DROP CONSTRAINT "UQ_field_keys_purpose"`);
    await queryRunner.query(`ALTER TABLE "field_keys" ADD CONSTRAINT "UQ_field_keys_purpose_generation" UNIQUE ("purpose", "generation")`);

    await queryRunner.query(`ALTER TABLE "assistance_participants" ALTER COLUMN "fullName" TYPE text`);
    await queryRunner.query(`CREATE FUNCTION ruta_reject_change_but_encryption() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        encrypted text[] := TG_ARGV;
        c text;
      BEGIN
        IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - encrypted) = (to_jsonb(OLD) - encrypted) THEN
          FOREACH c IN ARRAY encrypted LOOP
            IF (to_jsonb(NEW) ->> c) NOT LIKE 'enc:%' THEN
              RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
            END IF;
          END LOOP;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const [table, columns] of APPEND_ONLY) {
      // Migration 1764405100000 (privacy) let the system role clear the free text of two of them: this guard covers it.
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_erasure_only" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ruta_reject_change_but_encryption(${columns.map((c) => `'${c}'`).join(', ')})`,
      );
    }
    for (const [table, column, kind, key] of FIELDS) {
      const [type] = await queryRunner.query(`SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`, [table, column]);
      if (type?.data_type !== (kind === 'text' ? 'text' : 'bytea')) continue; // not (yet) an encrypted column in this chain
      await queryRunner.query(`CREATE INDEX IF NOT EXISTS "${clearIndexName(table, column)}" ON "${table}" (("${key}"::text)) WHERE ${clearValueCondition(column, kind)}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query(`SELECT count(*)::int AS n FROM assistance_participants WHERE "fullName" LIKE 'enc:%'`);
    if (n > 0) throw new Error(`${n} relatives' names are encrypted: reverting field encryption needs the key and is not done by a migration`);
    const [{ rotated }] = await queryRunner.query(`SELECT count(*)::int AS rotated FROM field_keys WHERE generation > 1`);
    if (rotated > 0) throw new Error(`${rotated} data keys come from a rotation: going back to one key per table needs the values re-encrypted first`);
    for (const [table, column] of [...FIELDS].reverse()) await queryRunner.query(`DROP INDEX IF EXISTS "${clearIndexName(table, column)}"`);
    for (const [table] of APPEND_ONLY) {
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
      const [{ erasure }] = await queryRunner.query(`SELECT to_regprocedure($1) IS NOT NULL AS erasure`, [`ruta_privacy_${table}_erasure_only()`]);
      if (erasure) {
        await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ruta_reject_change()`);
        await queryRunner.query(`CREATE TRIGGER "${table}_erasure_only" BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ruta_privacy_${table}_erasure_only()`);
      } else {
        await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ruta_reject_change()`);
      }
    }
    await queryRunner.query(`DROP FUNCTION ruta_reject_change_but_encryption()`);
    await queryRunner.query(`ALTER TABLE "assistance_participants" ALTER COLUMN "fullName" TYPE character varying(200)`);
    await queryRunner.query(`ALTER TABLE "field_keys" DROP CONSTRAINT "UQ_field_keys_purpose_generation"`);
    await queryRunner.query(`ALTER TABLE "field_keys" ADD CONSTRAINT "UQ_field_keys_purpose" UNIQUE ("purpose")`);
    await queryRunner.query(`ALTER TABLE "field_keys" DROP COLUMN "retiredAt"`);
    await queryRunner.query(`ALTER TABLE "field_keys" DROP COLUMN "activatedAt"`);
    await queryRunner.query(`ALTER TABLE "field_keys" DROP COLUMN "generation"`);
  }
}
