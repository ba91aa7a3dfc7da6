import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DataCategory, ErasureLegalBasis, ErasureRequester, ErasureStatus, KeptCategoryView } from '@ruta/shared';
import { VersionedEntity } from '@ruta/platform';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { CaseEntity } from '@ruta/cases';

/** A request to erase a case's identity (Law 1581 habeas data), its two approvals, and what was erased and kept. */
@Entity({ name: 'privacy_erasure_requests' })
@Index('IDX_privacy_erasure_requests_created', ['createdAt', 'id'])
@Index('IDX_privacy_erasure_requests_case', ['caseId'])
@Index('UQ_privacy_erasure_requests_open', { synchronize: false })
// Two approvers, neither of them the recorder nor each other; approved or carried out only with the second one.
@Check(
  'CHK_privacy_erasure_requests_approvers',
  `("firstApproverId" IS NULL OR "firstApproverId" <> "recordedById") AND ("secondApproverId" IS NULL OR ("secondApproverId" <> "recordedById" AND "secondApproverId" <> "firstApproverId")) AND ("status" NOT IN ('approved', 'carried_out') OR "secondApproverId" IS NOT NULL)`,
)
export class ErasureRequestEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_privacy_erasure_requests' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_privacy_erasure_requests_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 20 })
  caseCode!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'institutionId', foreignKeyConstraintName: 'FK_privacy_erasure_requests_institution' })
  institution?: InstitutionEntity;

  @Column({ type: 'varchar', length: 30 })
  legalBasis!: ErasureLegalBasis;

  @Column({ type: 'varchar', length: 30 })
  requester!: ErasureRequester;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'date' })
  receivedOn!: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: ErasureStatus;

  @Column({ type: 'uuid' })
  recordedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'recordedById', foreignKeyConstraintName: 'FK_privacy_erasure_requests_recorded_by' })
  recordedBy?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  firstApproverId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'firstApproverId', foreignKeyConstraintName: 'FK_privacy_erasure_requests_first_approver' })
  firstApprover?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstApprovedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  secondApproverId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'secondApproverId', foreignKeyConstraintName: 'FK_privacy_erasure_requests_second_approver' })
  secondApprover?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  secondApprovedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  refusedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'refusedById', foreignKeyConstraintName: 'FK_privacy_erasure_requests_refused_by' })
  refusedBy?: UserEntity | null;

  @Column({ type: 'text', nullable: true })
  refusalReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  carriedOutById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'carriedOutById', foreignKeyConstraintName: 'FK_privacy_erasure_requests_carried_out_by' })
  carriedOutBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  carriedOutAt!: Date | null;

  @Column({ type: 'text', array: true, default: '{}' })
  erased!: DataCategory[];

  @Column({ type: 'jsonb', default: '[]' })
  kept!: KeptCategoryView[];
}
