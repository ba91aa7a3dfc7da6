import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentGrantedBy, ConsentMethod, ConsentPurpose } from '@ruta/shared';
import { CaseEntity } from '../core';
import { InstitutionEntity, UserEntity } from '@ruta/identity';

/** A purpose-bound authorisation (Law 1581/2012). Revoked, never deleted. */
@Entity({ name: 'consents' })
@Index('IDX_consents_case_purpose', ['caseId', 'purpose'])
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_consents' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_consents_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 30 })
  purpose!: ConsentPurpose;

  /** For `sharing`: the institution the data may go to. */
  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  @ManyToOne(() => InstitutionEntity)
  @JoinColumn({ name: 'institutionId', foreignKeyConstraintName: 'FK_consents_institution' })
  institution?: InstitutionEntity | null;

  @Column({ type: 'varchar', length: 20 })
  grantedBy!: ConsentGrantedBy;

  @Column({ type: 'varchar', length: 20 })
  method!: ConsentMethod;

  @Column({ type: 'timestamptz' })
  grantedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid' })
  recordedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'recordedById', foreignKeyConstraintName: 'FK_consents_recorded_by' })
  recordedBy?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  revokedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'revokedById', foreignKeyConstraintName: 'FK_consents_revoked_by' })
  revokedBy?: UserEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
