import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@ruta/identity';
import { CaseEntity } from './case.entity';

/** Who works a case. Ending an assignment keeps the row (history), with when and by whom. */
@Entity({ name: 'case_assignments' })
@Index('IDX_case_assignments_case', ['caseId'])
@Index('IDX_case_assignments_user', ['userId', 'caseId'])
@Index('IDX_case_assignments_user_live', { synchronize: false })
export class CaseAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_assignments' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_case_assignments_case' })
  case?: CaseEntity;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_case_assignments_user' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  assignedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'assignedById', foreignKeyConstraintName: 'FK_case_assignments_assigned_by' })
  assignedBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  assignedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  unassignedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  unassignedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'unassignedById', foreignKeyConstraintName: 'FK_case_assignments_unassigned_by' })
  unassignedBy?: UserEntity | null;
}
