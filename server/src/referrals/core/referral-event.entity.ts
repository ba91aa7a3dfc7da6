import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReferralEventView, ReferralStatus } from '@ruta/shared';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { encryptedText } from '@ruta/platform';
import { ReferralEntity } from './referral.entity';

/** One thing that happened to a referral: a status move, the overdue mark, the end of access, a first opening. Append-only. */
@Entity({ name: 'referral_events' })
@Index('IDX_referral_events_referral', ['referralId', 'at'])
export class ReferralEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_referral_events' })
  id!: string;

  @Column({ type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { nullable: false })
  @JoinColumn({ name: 'referralId', foreignKeyConstraintName: 'FK_referral_events_referral' })
  referral?: ReferralEntity;

  @Column({ type: 'varchar', length: 20 })
  kind!: ReferralEventView['kind'];

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: ReferralStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus!: ReferralStatus | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('referral_events', 'reason') })
  reason!: string | null;

  /** Null for the system (the deadline job). */
  @Column({ type: 'uuid', nullable: true })
  byUserId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'byUserId', foreignKeyConstraintName: 'FK_referral_events_user' })
  byUser?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  byInstitutionId!: string | null;

  @ManyToOne(() => InstitutionEntity)
  @JoinColumn({ name: 'byInstitutionId', foreignKeyConstraintName: 'FK_referral_events_institution' })
  byInstitution?: InstitutionEntity | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;
}
