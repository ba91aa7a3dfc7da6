import { MigrationInterface, QueryRunner } from 'typeorm';

/** The prosecutions area's tables. */
export class Prosecutions1764404400000 implements MigrationInterface {
  name = 'Prosecutions1764404400000';

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
