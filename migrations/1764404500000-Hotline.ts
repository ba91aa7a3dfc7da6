import { MigrationInterface, QueryRunner } from 'typeorm';

/** The hotline area's tables. */
export class Hotline1764404500000 implements MigrationInterface {
  name = 'Hotline1764404500000';

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
