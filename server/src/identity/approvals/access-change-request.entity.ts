import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { AccessChangeKind, AccessChangeStatus, AccessChangeSummary } from '@ruta/shared';
import { RoleEntity } from '../roles/role.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A change of access waiting for a second administrator (four eyes). `payload` is the change as it will be applied
 * (the validated request body), `summary` what the approver is shown.
 */
@Entity({ name: 'access_change_requests' })
@Index('IDX_access_change_requests_status', ['status', 'createdAt'])
@Check('CHK_access_change_requests_kind', `"kind" IN ('role_create', 'role_update', 'user_create', 'user_update', 'password_reset')`)
@Check('CHK_access_change_requests_status', `"status" IN ('pending', 'approved', 'refused', 'cancelled')`)
@Check('CHK_access_change_requests_decision', `("status" = 'pending') = ("decidedAt" IS NULL) AND ("status" = 'refused') = ("reason" IS NOT NULL)`)
@Check('CHK_access_change_requests_four_eyes', `"status" IN ('pending', 'cancelled') OR "decidedById" <> "requestedById"`)
export class AccessChangeRequestEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_access_change_requests' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: AccessChangeKind;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: AccessChangeStatus;

  /** The role created (once approved), changed, or given to the user. */
  @Column({ type: 'uuid', nullable: true })
  roleId!: string | null;

  @ManyToOne(() => RoleEntity)
  @JoinColumn({ name: 'roleId', foreignKeyConstraintName: 'FK_access_change_requests_role' })
  role?: RoleEntity | null;

  /** The user created (once approved), changed, or whose password is reset. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_access_change_requests_user' })
  user?: UserEntity | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  summary!: AccessChangeSummary;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'requestedById', foreignKeyConstraintName: 'FK_access_change_requests_requested_by' })
  requestedBy?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decidedById', foreignKeyConstraintName: 'FK_access_change_requests_decided_by' })
  decidedBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Why it was refused (required then, and only then). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;
}
