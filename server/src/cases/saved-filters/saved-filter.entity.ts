import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { SavedCaseFilters } from '@ruta/shared';
import { UserEntity } from '@ruta/identity';

/** A user's named case search. Holds filter codes only: never a name or a document number. */
@Entity({ name: 'saved_filters' })
@Unique('UQ_saved_filters_user_name', ['userId', 'name'])
export class SavedFilterEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_saved_filters' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_saved_filters_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'jsonb' })
  filters!: SavedCaseFilters;
}
