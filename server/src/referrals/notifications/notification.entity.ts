import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationKind, ReferralStatus } from '@ruta/shared';
import { UserEntity } from '@ruta/identity';
import { ReferralEntity } from '../core/referral.entity';

/** An in-app notification of one user about a referral: a kind and a case code, never personal data. */
@Entity({ name: 'notifications' })
@Index('IDX_notifications_user_created', ['userId', 'createdAt', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notifications' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_notifications_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { nullable: false })
  @JoinColumn({ name: 'referralId', foreignKeyConstraintName: 'FK_notifications_referral' })
  referral?: ReferralEntity;

  @Column({ type: 'varchar', length: 20 })
  caseCode!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  status!: ReferralStatus | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
