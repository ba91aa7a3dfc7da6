import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trafficking event abroad can name its city (issue 14, item 3: "Madrid", not only Spain). Free text, only with a
 * foreign country (the server refuses it in Colombia, where the DIVIPOLA municipality says it). The table's forced RLS
 * and grants cover the new column.
 */
export class EventCity1764404900000 implements MigrationInterface {
  name = 'EventCity1764404900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "trafficking_events" ADD "city" character varying(120)`);
    await queryRunner.query(`ALTER TABLE "trafficking_events" ADD CONSTRAINT "CHK_trafficking_events_city_abroad" CHECK ("city" IS NULL OR "countryCode" <> 'CO')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "trafficking_events" DROP CONSTRAINT "CHK_trafficking_events_city_abroad"`);
    await queryRunner.query(`ALTER TABLE "trafficking_events" DROP COLUMN "city"`);
  }
}
