import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import {
  AgeBand,
  CaseDirection,
  CaseScope,
  CaseSource,
  CaseStatus,
  CloseReason,
  ExploitationPurpose,
  LabourSector,
  MeansOfControl,
  RecruiterRelation,
  RecruitmentMethod,
  SexualExploitationType,
  TraffickingStatus,
} from '@ruta/shared';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { PlaceEntity } from '@ruta/places';

/** One victim's trafficking situation. Holds no identity: that lives in `victims`, under stricter access. */
@Entity({ name: 'cases' })
@Unique('UQ_cases_code', ['code'])
@Index('IDX_cases_created', ['createdAt', 'id'])
@Index('IDX_cases_updated', ['updatedAt', 'id'])
@Index('IDX_cases_institution_created', ['ownerInstitutionId', 'createdAt', 'id'])
@Index('IDX_cases_institution_updated', ['ownerInstitutionId', 'updatedAt', 'id'])
@Index('IDX_cases_institution_status_created', ['ownerInstitutionId', 'status', 'createdAt', 'id'])
@Index('IDX_cases_status_created', ['status', 'createdAt', 'id'])
@Index('IDX_cases_department_created', ['departmentCode', 'createdAt', 'id'])
@Index('IDX_cases_created_by', ['createdById', 'createdAt', 'id'])
@Index('IDX_cases_identified_status', ['identifiedOn', 'status'])
@Index('IDX_cases_institution_identified_status', ['ownerInstitutionId', 'identifiedOn', 'status'])
@Index('IDX_cases_purposes', { synchronize: false })
@Index('IDX_cases_scope_counts', { synchronize: false })
export class CaseEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cases' })
  id!: string;

  /** Pseudonymous code, e.g. RT-2026-000123: what lists, URLs and exports show. */
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'uuid' })
  ownerInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'ownerInstitutionId', foreignKeyConstraintName: 'FK_cases_owner_institution' })
  ownerInstitution?: InstitutionEntity;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_cases_created_by' })
  createdBy?: UserEntity;

  @Column({ type: 'varchar', length: 30 })
  source!: CaseSource;

  @Column({ type: 'varchar', length: 20 })
  scope!: CaseScope;

  @Column({ type: 'varchar', length: 20, nullable: true })
  direction!: CaseDirection | null;

  @Column({ type: 'date' })
  identifiedOn!: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  departmentCode!: string | null;

  @ManyToOne(() => PlaceEntity)
  @JoinColumn({ name: 'departmentCode', foreignKeyConstraintName: 'FK_cases_department' })
  department?: PlaceEntity;

  @Column({ type: 'varchar', length: 5, nullable: true })
  municipalityCode!: string | null;

  @ManyToOne(() => PlaceEntity)
  @JoinColumn({ name: 'municipalityCode', foreignKeyConstraintName: 'FK_cases_municipality' })
  municipality?: PlaceEntity;

  @Column({ type: 'varchar', length: 20, default: 'possible' })
  traffickingStatus!: TraffickingStatus;

  @Column({ type: 'uuid', nullable: true })
  traffickingStatusInstitutionId!: string | null;

  @ManyToOne(() => InstitutionEntity)
  @JoinColumn({ name: 'traffickingStatusInstitutionId', foreignKeyConstraintName: 'FK_cases_status_institution' })
  traffickingStatusInstitution?: InstitutionEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  traffickingStatusDecidedAt!: Date | null;

  @Column({ type: 'varchar', length: 30, default: 'received' })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 30, nullable: true })
  statusBeforeSuspension!: CaseStatus | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  closeReason!: CloseReason | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  statusChangedAt!: Date;

  /** Derived from dates by the service, never typed by hand; stored for filtering. */
  @Column({ type: 'boolean', nullable: true })
  minorAtIdentification!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  minorAtExploitation!: boolean | null;

  /** A minor's case flags the child-welfare institution (ICBF). */
  @Column({ type: 'boolean', default: false })
  childWelfareFlag!: boolean;

  @Column({ type: 'varchar', length: 8, nullable: true })
  ageBand!: AgeBand | null;

  @Column({ type: 'text', array: true, default: '{}' })
  purposes!: ExploitationPurpose[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  labourSector!: LabourSector | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  sexualExploitationType!: SexualExploitationType | null;

  @Column({ type: 'text', array: true, default: '{}' })
  meansOfControl!: MeansOfControl[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  recruiterRelation!: RecruiterRelation | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  recruitmentMethod!: RecruitmentMethod | null;
}
