import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { Permission, RecordScope } from '@ruta/shared';

/** A role is data: a set of permissions plus the record scope they apply to. */
@Entity({ name: 'roles' })
@Unique('UQ_roles_code', ['code'])
export class RoleEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_roles' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  nameEs!: string;

  @Column({ type: 'varchar', length: 120 })
  nameEn!: string;

  @Column({ type: 'varchar', length: 20 })
  scope!: RecordScope;

  @Column({ type: 'boolean', default: false })
  requiresMfa!: boolean;

  @Column({ type: 'text', array: true, default: '{}' })
  permissions!: Permission[];
}
