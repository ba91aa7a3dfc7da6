import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FollowUpChannel, FollowUpOutcome } from '@ruta/shared';
import { CaseEntity } from '@ruta/cases';
import { UserEntity } from '@ruta/identity';
import { encryptedText } from '@ruta/platform';

/** A follow-up contact with the victim: when, how, what came of it, and when the next one is due. Append-only. */
@Entity({ name: 'assistance_follow_ups' })
@Index('IDX_assistance_follow_ups_case', ['caseId', 'createdAt'])
@Index('IDX_assistance_follow_ups_next', { synchronize: false })
export class FollowUpEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assistance_follow_ups' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_assistance_follow_ups_case' })
  case?: CaseEntity;

  @Column({ type: 'date' })
  contactOn!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: FollowUpChannel;

  @Column({ type: 'varchar', length: 20 })
  outcome!: FollowUpOutcome;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('assistance_follow_ups', 'notes') })
  notes!: string | null;

  @Column({ type: 'date', nullable: true })
  nextOn!: string | null;

  @Column({ type: 'uuid' })
  byUserId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'byUserId', foreignKeyConstraintName: 'FK_assistance_follow_ups_by' })
  byUser?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;
}
