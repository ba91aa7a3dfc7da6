import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExploitationPurpose, ScreeningAct, ScreeningIndicator, ScreeningMeans, ScreeningResult } from '@ruta/shared';
import { UserEntity } from '@ruta/identity';
import { CaseEntity } from './case.entity';

/** A Palermo checklist screening (act, means, purpose) with indicators and a result. */
@Entity({ name: 'screenings' })
@Index('IDX_screenings_case', ['caseId', 'screenedOn'])
export class ScreeningEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_screenings' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_screenings_case' })
  case?: CaseEntity;

  @Column({ type: 'date' })
  screenedOn!: string;

  @Column({ type: 'text', array: true, default: '{}' })
  acts!: ScreeningAct[];

  @Column({ type: 'text', array: true, default: '{}' })
  means!: ScreeningMeans[];

  @Column({ type: 'text', array: true, default: '{}' })
  purposes!: ExploitationPurpose[];

  @Column({ type: 'text', array: true, default: '{}' })
  indicators!: ScreeningIndicator[];

  @Column({ type: 'varchar', length: 30 })
  result!: ScreeningResult;

  @Column({ type: 'uuid', nullable: true })
  interviewerUserId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'interviewerUserId', foreignKeyConstraintName: 'FK_screenings_interviewer' })
  interviewer?: UserEntity | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_screenings_created_by' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
