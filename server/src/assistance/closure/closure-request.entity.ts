import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity, encryptedText } from '@ruta/platform';
import { ClosureReason, ClosureStatus } from '@ruta/shared';
import { CaseEntity } from '@ruta/cases';
import { InstitutionEntity, UserEntity } from '@ruta/identity';

/** A request to close a case's assistance, decided by a supervisor (approve / reject with a comment). */
@Entity({ name: 'assistance_closure_requests' })
@Index('UQ_assistance_closure_requests_pending', { synchronize: false })
@Index('IDX_assistance_closure_requests_inbox', ['institutionId', 'status', 'createdAt', 'id'])
@Index('IDX_assistance_closure_requests_case', ['caseId', 'createdAt'])
@Check('CHK_assistance_closure_requests_decided', `("status" = 'pending') = ("decidedAt" IS NULL)`)
export class ClosureRequestEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assistance_closure_requests' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_assistance_closure_requests_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 20 })
  caseCode!: string;

  /** The case's owner institution, whose supervisors decide. */
  @Column({ type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'institutionId', foreignKeyConstraintName: 'FK_assistance_closure_requests_institution' })
  institution?: InstitutionEntity;

  @Column({ type: 'varchar', length: 20 })
  reason!: ClosureReason;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('assistance_closure_requests', 'note') })
  note!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: ClosureStatus;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'requestedById', foreignKeyConstraintName: 'FK_assistance_closure_requests_by' })
  requestedBy?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decidedById', foreignKeyConstraintName: 'FK_assistance_closure_requests_decided_by' })
  decidedBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('assistance_closure_requests', 'comment') })
  comment!: string | null;
}
