import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { InstitutionType } from '@ruta/shared';

@Entity({ name: 'institutions' })
@Unique('UQ_institutions_code', ['code'])
export class InstitutionEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_institutions' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: InstitutionType;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
