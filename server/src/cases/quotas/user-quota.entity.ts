import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@ruta/identity';

/** The actions with a per-user quota. */
export type QuotaAction = 'duplicate_check' | 'document_upload';

/** One user's recent uses of one limited action: their times, pruned to the action's window (a sliding window). */
@Entity({ name: 'user_quotas' })
export class UserQuotaEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_user_quotas' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_user_quotas_user' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_user_quotas' })
  action!: QuotaAction;

  @Column({ type: 'timestamptz', array: true, default: '{}' })
  usedAt!: Date[];
}
