import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { AssistancePhase } from '@ruta/shared';
import { CaseEntity } from '@ruta/cases';
import { UserEntity } from '@ruta/identity';

/** The legal window of one entry of a case into an assistance phase (Law 985 art. 7), its extension and overdue mark. */
@Entity({ name: 'assistance_phase_timers' })
@Unique('UQ_assistance_phase_timers_entry', ['caseId', 'phase', 'startedAt'])
@Index('IDX_assistance_phase_timers_running', { synchronize: false })
@Check('CHK_assistance_phase_timers_extension', `("extendedAt" IS NULL) = ("extensionJustification" IS NULL)`)
export class PhaseTimerEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assistance_phase_timers' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_assistance_phase_timers_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 20 })
  phase!: AssistancePhase;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  deadlineAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  extendedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  extendedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'extendedById', foreignKeyConstraintName: 'FK_assistance_phase_timers_extended_by' })
  extendedBy?: UserEntity | null;

  @Column({ type: 'text', nullable: true })
  extensionJustification!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
