import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A DIVIPOLA place: a department (2-digit code) or a municipality (5-digit code). Reference data, read-only. */
@Entity({ name: 'places' })
@Index('IDX_places_department_name', ['departmentCode', 'name'])
@Index('IDX_places_kind_name', ['kind', 'name'])
export class PlaceEntity {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'PK_places' })
  code!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: 'department' | 'municipality';

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  departmentCode!: string | null;
}
