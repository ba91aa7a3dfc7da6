import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { Language } from '@ruta/shared';
import { InstitutionEntity } from '../institutions/institution.entity';
import { RoleEntity } from '../roles/role.entity';

@Entity({ name: 'users' })
@Unique('UQ_users_email', ['email'])
@Index('IDX_users_institution_name', ['institutionId', 'name'])
@Index('IDX_users_name', ['name'])
@Index('IDX_users_role', ['roleId'])
export class UserEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id!: string;

  /** Stored lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'institutionId', foreignKeyConstraintName: 'FK_users_institution' })
  institution?: InstitutionEntity;

  @Column({ type: 'uuid' })
  roleId!: string;

  @ManyToOne(() => RoleEntity, { nullable: false })
  @JoinColumn({ name: 'roleId', foreignKeyConstraintName: 'FK_users_role' })
  role?: RoleEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'varchar', length: 2, default: 'es' })
  language!: Language;

  /** Secret columns (`select: false`): the application role cannot read them; `UsersRepository.withSecrets` can. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** The TOTP secret, sealed with the server's key (AES-256-GCM): a database dump alone does not yield it. */
  @Column({ type: 'varchar', length: 160, nullable: true, select: false })
  mfaSecret!: string | null;

  @Column({ type: 'boolean', default: false })
  mfaEnabled!: boolean;

  /** The TOTP time step last accepted: a code is never accepted twice (RFC 6238 §5.2). */
  @Column({ type: 'integer', nullable: true })
  mfaLastStep!: number | null;

  @Column({ type: 'text', array: true, default: '{}', select: false })
  recoveryCodeHashes!: string[];

  @Column({ type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
