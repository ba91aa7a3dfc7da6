import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { InstitutionType } from '@ruta/shared';

@Entity({ name: 'institutions' })
@Unique('UQ_institutions_code', ['code'])
export class InstitutionEntity {
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
