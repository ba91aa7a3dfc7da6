import { MigrationInterface, QueryRunner } from 'typeorm';
import { clearIndexName, clearValueCondition } from './1764405300000-MoreEncryptedFields';

/**
 * Field encryption (issue 16), the last two free texts under their own scheme or none:
 *
 * - The hotline caller's number moves under the one scheme. It was sealed under the server key (`phoneSealed`,
 *   SecretBox) with an HMAC under an HKDF key beside it (`phoneHash`), re-sealed by the master-key rotation. It becomes
 *   `phone`, encrypted by FieldCipher under the table's data key (ENCRYPTED_FIELDS: data-key rotation and keys:verify
 *   cover it), with `phoneHash` its blind index under the `blind_index` data key (server/src/hotline/contacts/
 *   caller-phone.ts), still indexed with the call's start (`IDX_hotline_contacts_phone`) for the repeat-caller count.
 *   Only the server can open a sealed number and a migration has no key: the sealed values move into `phone` as they
 *   are and their old hashes are cleared; the start-up step `callerPhoneSeed` (before the field-encryption seed) opens
 *   each one, encrypts it and computes its blind index, reading batches through the new column's partial index of
 *   values not yet encrypted (`IDX_hotline_contacts_phone_clear`). Until then a contact shows no earlier calls.
 * - A trafficking event's city abroad (free text) is encrypted too (`text`; the clear rows are encrypted by the
 *   field-encryption seed through `IDX_trafficking_events_city_clear`). No SQL reads it: the indicators and the CTDC
 *   export use the country.
 *
 * `down` refuses while any caller number is stored or a city is encrypted (that needs the key); otherwise it puts the
 * columns back.
 */
export class CallerPhoneAndEventCity1764405700000 implements MigrationInterface {
  name = 'CallerPhoneAndEventCity1764405700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hotline_contacts" ADD "phone" text`);
    await queryRunner.query(`ALTER TABLE "hotline_contacts" DROP CONSTRAINT "CHK_hotline_contacts_phone"`);
    await queryRunner.query(`UPDATE "hotline_contacts" SET "phone" = "phoneSealed", "phoneHash" = NULL WHERE "phoneSealed" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "hotline_contacts" DROP COLUMN "phoneSealed"`);
    await queryRunner.query(`ALTER TABLE "hotline_contacts" ADD CONSTRAINT "CHK_hotline_contacts_phone" CHECK ("phoneHash" IS NULL OR "phone" IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE "trafficking_events" ALTER COLUMN "city" TYPE text`);
    for (const [table, column] of [
      ['hotline_contacts', 'phone'],
      ['trafficking_events', 'city'],
    ]) {
      await queryRunner.query(`CREATE INDEX "${clearIndexName(table, column)}" ON "${table}" (("id"::text)) WHERE ${clearValueCondition(column, 'text')}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ phones, cities }] = await queryRunner.query(
      `SELECT (SELECT count(*)::int FROM hotline_contacts WHERE phone IS NOT NULL) AS phones,
              (SELECT count(*)::int FROM trafficking_events WHERE city LIKE 'enc:%') AS cities`,
    );
    if (phones > 0 || cities > 0) {
      // A number here is encrypted, or still sealed without the hash the old schema requires: both need the key.
      throw new Error(`${phones} caller numbers and ${cities} cities are stored under keys: reverting field encryption needs the key and is not done by a migration`);
    }
    await queryRunner.query(`DROP INDEX "${clearIndexName('trafficking_events', 'city')}"`);
    await queryRunner.query(`DROP INDEX "${clearIndexName('hotline_contacts', 'phone')}"`);
    await queryRunner.query(`ALTER TABLE "trafficking_events" ALTER COLUMN "city" TYPE character varying(120)`);
    await queryRunner.query(`ALTER TABLE "hotline_contacts" DROP CONSTRAINT "CHK_hotline_contacts_phone"`);
    await queryRunner.query(`ALTER TABLE "hotline_contacts" ADD "phoneSealed" text`);
    await queryRunner.query(`ALTER TABLE "hotline_contacts" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "hotline_contacts" ADD CONSTRAINT "CHK_hotline_contacts_phone" CHECK (("phoneSealed" IS NULL) = ("phoneHash" IS NULL))`);
  }
}
