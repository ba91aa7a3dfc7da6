import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OperationType } from '@ruta/shared';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { PlaceEntity } from '@ruta/places';

/**
 * A police or DAS operation (migrations 1764404400000-Prosecutions, 1764404810000-ProsecutionsScale): the first table of
 * the area with an entity (VersionedEntity's columns declared here: its version defaults to 1). Its links (operation_cases, operation_traffickers) are still written in SQL.
 */
@Entity({ name: 'operations' })
@Index('IDX_operations_institution_date', ['institutionId', 'occurredOn', 'id'])
@Index('IDX_operations_occurred', ['occurredOn', 'id'])
@Check('CHK_operations_arrests', `"arrests" >= 0`)
export class OperationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_operations' })
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'institutionId', foreignKeyConstraintName: 'FK_operations_institution' })
  institution?: InstitutionEntity;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_operations_created_by' })
  createdBy?: UserEntity;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'varchar', length: 5 })
  municipalityCode!: string;

  @ManyToOne(() => PlaceEntity, { nullable: false })
  @JoinColumn({ name: 'municipalityCode', foreignKeyConstraintName: 'FK_operations_place' })
  municipality?: PlaceEntity;

  @Column({ type: 'varchar', length: 20 })
  type!: OperationType;

  @Column({ type: 'integer', default: 0 })
  arrests!: number;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  // VersionedEntity's columns, with the version's default of this table's migration (1).
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
