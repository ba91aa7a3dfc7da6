import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { SavedCaseFilters } from '@ruta/shared';
import { UserEntity } from '../../identity/users/user.entity';

/** A user's named case search. Holds filter codes only: never a name or a document number. */
@Entity({ name: 'saved_filters' })
@Unique('UQ_saved_filters_user_name', ['userId', 'name'])
export class SavedFilterEntity {
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
