import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity, encryptedText } from '@ruta/platform';
import {
  ExploitationPurpose,
  HotlineCallerType,
  HotlineCallType,
  HotlineChannel,
  HotlineOutcome,
  HotlineReportGround,
  HotlineStatus,
  HotlineUrgency,
  ScreeningAct,
  ScreeningMeans,
} from '@ruta/shared';
import { CaseEntity } from '@ruta/cases';
import { UserEntity } from '@ruta/identity';
import { ReferralEntity } from '@ruta/referrals';
import { HotlineImportEntity } from '../imports/hotline-import.entity';

/**
 * One call or message to the national hotline. The caller's number is encrypted (`phone`, ENCRYPTED_FIELDS) with its
 * blind index beside it (`phoneHash`, caller-phone.ts): repeat callers are found by the index, never by the number.
 */
@Entity({ name: 'hotline_contacts' })
@Unique('UQ_hotline_contacts_code', ['code'])
@Index('IDX_hotline_contacts_started', ['startedAt', 'id'])
@Index('IDX_hotline_contacts_status_started', ['status', 'startedAt', 'id'])
@Index('IDX_hotline_contacts_phone', ['phoneHash', 'startedAt'])
@Index('IDX_hotline_contacts_case', ['caseId'])
@Index('IDX_hotline_contacts_operator', ['operatorId', 'startedAt'])
@Index('IDX_hotline_contacts_untaken_crisis', { synchronize: false })
@Check('CHK_hotline_contacts_phone', `"phoneHash" IS NULL OR "phone" IS NOT NULL`)
@Check('CHK_hotline_contacts_place', `"countryCode" IS NULL OR "countryCode" = 'CO' OR ("departmentCode" IS NULL AND "municipalityCode" IS NULL)`)
export class HotlineContactEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_hotline_contacts' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: HotlineChannel;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'integer', nullable: true })
  durationSeconds!: number | null;

  @Column({ type: 'uuid' })
  operatorId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'operatorId', foreignKeyConstraintName: 'FK_hotline_contacts_operator' })
  operator?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  callerType!: HotlineCallerType;

  @Column({ type: 'varchar', length: 20 })
  callType!: HotlineCallType;

  @Column({ type: 'varchar', length: 2, nullable: true })
  departmentCode!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  municipalityCode!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  destinationCountryCode!: string | null;

  @Column({ type: 'text', array: true })
  purposes!: ExploitationPurpose[];

  @Column({ type: 'text', array: true })
  acts!: ScreeningAct[];

  @Column({ type: 'text', array: true })
  means!: ScreeningMeans[];

  @Column({ type: 'varchar', length: 20 })
  urgency!: HotlineUrgency;

  @Column({ type: 'boolean' })
  childInvolved!: boolean;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('hotline_contacts', 'summary') })
  summary!: string | null;

  @Column({ type: 'boolean' })
  consentToAuthorities!: boolean;

  /** The normalised number (digits with the country code), encrypted; the API never shows it. */
  @Column({ type: 'text', nullable: true, transformer: encryptedText('hotline_contacts', 'phone') })
  phone!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: HotlineStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: HotlineOutcome | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  reportGround!: HotlineReportGround | null;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CaseEntity)
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_hotline_contacts_case' })
  case?: CaseEntity;

  @Column({ type: 'uuid', nullable: true })
  referralId!: string | null;

  @ManyToOne(() => ReferralEntity)
  @JoinColumn({ name: 'referralId', foreignKeyConstraintName: 'FK_hotline_contacts_referral' })
  referral?: ReferralEntity;

  @Column({ type: 'uuid', nullable: true })
  takenById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'takenById', foreignKeyConstraintName: 'FK_hotline_contacts_taken_by' })
  takenBy?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  takenAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  importId!: string | null;

  @ManyToOne(() => HotlineImportEntity)
  @JoinColumn({ name: 'importId', foreignKeyConstraintName: 'FK_hotline_contacts_import' })
  import?: HotlineImportEntity;
}
