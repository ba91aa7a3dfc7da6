import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity, encryptedText } from '@ruta/platform';
import { ReferralAccessEnd, ReferralOverrideGround, ReferralPurpose, ReferralSection, ReferralStatus, ReferralUrgency } from '@ruta/shared';
import { CaseEntity, ConsentEntity } from '@ruta/cases';
import { InstitutionEntity, UserEntity } from '@ruta/identity';

/**
 * A case shared by one institution with another: what (sections, chosen documents), why (purpose, urgency), on what
 * (a consent, or a legal ground), and where it stands. Its history is in `referral_events`.
 */
@Entity({ name: 'referrals' })
@Index('IDX_referrals_to_created', ['toInstitutionId', 'createdAt', 'id'])
@Index('IDX_referrals_from_created', ['fromInstitutionId', 'createdAt', 'id'])
@Index('IDX_referrals_created', ['createdAt', 'id'])
@Index('IDX_referrals_case', ['caseId'])
@Index('IDX_referrals_consent', ['consentId'])
@Index('IDX_referrals_awaiting_deadline', { synchronize: false })
@Index('IDX_referrals_to_case_code', ['toInstitutionId', 'caseCode', 'id'])
@Index('IDX_referrals_from_case_code', ['fromInstitutionId', 'caseCode', 'id'])
@Index('IDX_referrals_case_code', ['caseCode', 'id'])
// The boxes' status indexes also carry the other side's institution (INCLUDE, migration 1764406300000), which the
// entity cannot declare: kept by the migrations only.
@Index('IDX_referrals_to_status_created', { synchronize: false })
@Index('IDX_referrals_from_status_created', { synchronize: false })
// On the sort key COALESCE("deadlineAt", 'infinity') (migration 1764404150000): TypeORM cannot declare expressions.
@Index('IDX_referrals_to_deadline', { synchronize: false })
@Index('IDX_referrals_from_deadline', { synchronize: false })
@Index('IDX_referrals_deadline', { synchronize: false })
@Check('CHK_referrals_other_institution', `"fromInstitutionId" <> "toInstitutionId"`)
@Check('CHK_referrals_summary', `'summary' = ANY("sections")`)
@Check('CHK_referrals_override', `("overrideGround" IS NULL) = ("overrideJustification" IS NULL)`)
export class ReferralEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_referrals' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_referrals_case' })
  case?: CaseEntity;

  /** The pseudonymous code, for the receiving side and notifications (which cannot read the case row). */
  @Column({ type: 'varchar', length: 20 })
  caseCode!: string;

  @Column({ type: 'uuid' })
  fromInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'fromInstitutionId', foreignKeyConstraintName: 'FK_referrals_from_institution' })
  fromInstitution?: InstitutionEntity;

  @Column({ type: 'uuid' })
  toInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'toInstitutionId', foreignKeyConstraintName: 'FK_referrals_to_institution' })
  toInstitution?: InstitutionEntity;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_referrals_created_by' })
  createdBy?: UserEntity;

  @Column({ type: 'varchar', length: 30 })
  purpose!: ReferralPurpose;

  @Column({ type: 'varchar', length: 20 })
  urgency!: ReferralUrgency;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('referrals', 'message') })
  message!: string | null;

  @Column({ type: 'text', array: true })
  sections!: ReferralSection[];

  @Column({ type: 'uuid', nullable: true })
  consentId!: string | null;

  @ManyToOne(() => ConsentEntity)
  @JoinColumn({ name: 'consentId', foreignKeyConstraintName: 'FK_referrals_consent' })
  consent?: ConsentEntity | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  overrideGround!: ReferralOverrideGround | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('referrals', 'overrideJustification') })
  overrideJustification!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: ReferralStatus;

  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'assigneeId', foreignKeyConstraintName: 'FK_referrals_assignee' })
  assignee?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('referrals', 'outcome') })
  outcome!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('referrals', 'cancelReason') })
  cancelReason!: string | null;

  /** Set once by the deadline job when the deadline passed before acceptance. */
  @Column({ type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  /** The receiving side's access ended before the referral closed (consent revoked); the history stays. */
  @Column({ type: 'timestamptz', nullable: true })
  accessEndedAt!: Date | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  accessEndReason!: ReferralAccessEnd | null;
}
