import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { DuplicateMatch, LinkDeclineReason, LinkRequestStatus } from '@ruta/shared';
import { CaseEntity } from '../core';
import { InstitutionEntity, UserEntity } from '@ruta/identity';

/**
 * One institution asks another, which holds a possible duplicate, to link it with its case. The row names the
 * requesting case (its code too, for the target's inbox) and only the target *institution*: never the other case.
 */
@Entity({ name: 'case_link_requests' })
@Index('IDX_case_link_requests_target', ['targetInstitutionId', 'status', 'createdAt'])
@Index('IDX_case_link_requests_case', ['requestingCaseId', 'createdAt'])
@Index('UQ_case_link_requests_open', { synchronize: false })
@Check('CHK_case_link_requests_matched_on', `"matchedOn" IN ('document', 'name_birth_date')`)
@Check('CHK_case_link_requests_status', `"status" IN ('pending', 'accepted', 'declined')`)
@Check('CHK_case_link_requests_decision', `("status" = 'pending') = ("decidedAt" IS NULL) AND ("status" = 'declined') = ("declineReason" IS NOT NULL)`)
@Check('CHK_case_link_requests_other_institution', `"requestingInstitutionId" <> "targetInstitutionId"`)
export class CaseLinkRequestEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_link_requests' })
  id!: string;

  @Column({ type: 'uuid' })
  requestingCaseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'requestingCaseId', foreignKeyConstraintName: 'FK_case_link_requests_case' })
  requestingCase?: CaseEntity;

  /** The requester's pseudonymous code, for the target institution, which cannot read that case. */
  @Column({ type: 'varchar', length: 20 })
  requestingCaseCode!: string;

  @Column({ type: 'uuid' })
  requestingInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'requestingInstitutionId', foreignKeyConstraintName: 'FK_case_link_requests_requesting_institution' })
  requestingInstitution?: InstitutionEntity;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'requestedById', foreignKeyConstraintName: 'FK_case_link_requests_requested_by' })
  requestedBy?: UserEntity;

  @Column({ type: 'uuid' })
  targetInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'targetInstitutionId', foreignKeyConstraintName: 'FK_case_link_requests_target_institution' })
  targetInstitution?: InstitutionEntity;

  @Column({ type: 'varchar', length: 20 })
  matchedOn!: DuplicateMatch;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: LinkRequestStatus;

  @Column({ type: 'varchar', length: 30, nullable: true })
  declineReason!: LinkDeclineReason | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decidedById', foreignKeyConstraintName: 'FK_case_link_requests_decided_by' })
  decidedBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
