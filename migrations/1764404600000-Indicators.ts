import { MigrationInterface, QueryRunner } from 'typeorm';

/** The indicators area's tables. */
export class Indicators1764404600000 implements MigrationInterface {
  name = 'Indicators1764404600000';

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
