import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AssistanceAlertKind } from '@ruta/shared';
import { CaseEntity } from '@ruta/cases';
import { UserEntity } from '@ruta/identity';

/** An in-app alert for one user about a case (high risk, overdue phase, closure to decide or decided); no personal data. */
@Entity({ name: 'assistance_alerts' })
@Index('IDX_assistance_alerts_user', ['userId', 'createdAt', 'id'])
@Index('IDX_assistance_alerts_case', ['caseId'])
export class AssistanceAlertEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assistance_alerts' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_assistance_alerts_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 30 })
  kind!: AssistanceAlertKind;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_assistance_alerts_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 20 })
  caseCode!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
