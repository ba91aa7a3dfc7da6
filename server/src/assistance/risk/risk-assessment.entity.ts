import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RiskAssessmentKind, RiskLevel, RiskThreat } from '@ruta/shared';
import { CaseEntity } from '@ruta/cases';
import { UserEntity } from '@ruta/identity';
import { encryptedText } from '@ruta/platform';

/** A needs and risk assessment (initial or periodic); the history is append-only. */
@Entity({ name: 'risk_assessments' })
@Index('IDX_risk_assessments_case', ['caseId', 'assessedAt'])
export class RiskAssessmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_risk_assessments' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_risk_assessments_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 20 })
  kind!: RiskAssessmentKind;

  @Column({ type: 'varchar', length: 20 })
  level!: RiskLevel;

  @Column({ type: 'text', array: true, default: '{}' })
  threats!: RiskThreat[];

  @Column({ type: 'text', nullable: true, transformer: encryptedText('risk_assessments', 'measures') })
  measures!: string | null;

  @Column({ type: 'date', nullable: true })
  nextReviewOn!: string | null;

  @Column({ type: 'uuid' })
  assessedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'assessedById', foreignKeyConstraintName: 'FK_risk_assessments_by' })
  assessedBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  assessedAt!: Date;
}
