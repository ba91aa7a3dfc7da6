import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStatus } from '@ruta/shared';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { CaseEntity } from './case.entity';

/** Every move of the status machine, who and when. Append-only. */
@Entity({ name: 'case_status_transitions' })
@Index('IDX_case_status_transitions_case', ['caseId', 'at'])
export class CaseStatusTransitionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_status_transitions' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_case_status_transitions_case' })
  case?: CaseEntity;

  /** Null for the first status of a new case. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  fromStatus!: CaseStatus | null;

  @Column({ type: 'varchar', length: 30 })
  toStatus!: CaseStatus;

  /** A close or suspension reason code. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid' })
  byUserId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'byUserId', foreignKeyConstraintName: 'FK_case_status_transitions_user' })
  byUser?: UserEntity;

  @Column({ type: 'uuid' })
  byInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'byInstitutionId', foreignKeyConstraintName: 'FK_case_status_transitions_institution' })
  byInstitution?: InstitutionEntity;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;
}
