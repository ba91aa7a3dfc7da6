import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CaseEntity } from '../core';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { CaseLinkRequestEntity } from './case-link-request.entity';

/** Two cases of different institutions recorded as the same person, by an accepted request. Append-only. */
@Entity({ name: 'case_links' })
@Unique('UQ_case_links_request', ['requestId'])
@Unique('UQ_case_links_cases', ['requestingCaseId', 'targetCaseId'])
@Index('IDX_case_links_target_case', ['targetCaseId'])
export class CaseLinkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_links' })
  id!: string;

  @Column({ type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => CaseLinkRequestEntity, { nullable: false })
  @JoinColumn({ name: 'requestId', foreignKeyConstraintName: 'FK_case_links_request' })
  request?: CaseLinkRequestEntity;

  @Column({ type: 'uuid' })
  requestingCaseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'requestingCaseId', foreignKeyConstraintName: 'FK_case_links_requesting_case' })
  requestingCase?: CaseEntity;

  @Column({ type: 'uuid' })
  requestingInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'requestingInstitutionId', foreignKeyConstraintName: 'FK_case_links_requesting_institution' })
  requestingInstitution?: InstitutionEntity;

  @Column({ type: 'uuid' })
  targetCaseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'targetCaseId', foreignKeyConstraintName: 'FK_case_links_target_case' })
  targetCase?: CaseEntity;

  @Column({ type: 'uuid' })
  targetInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'targetInstitutionId', foreignKeyConstraintName: 'FK_case_links_target_institution' })
  targetInstitution?: InstitutionEntity;

  @Column({ type: 'uuid' })
  linkedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'linkedById', foreignKeyConstraintName: 'FK_case_links_linked_by' })
  linkedBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  linkedAt!: Date;
}
