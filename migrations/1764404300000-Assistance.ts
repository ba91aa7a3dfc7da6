import { MigrationInterface, QueryRunner } from 'typeorm';

/** The assistance area's tables. */
export class Assistance1764404300000 implements MigrationInterface {
  name = 'Assistance1764404300000';

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
