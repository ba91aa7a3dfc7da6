import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity, encryptedText } from '@ruta/platform';
import { AssistancePhase, ServiceBeneficiary, ServiceCategory, ServiceStatus } from '@ruta/shared';
import { CaseEntity, ConsentEntity } from '@ruta/cases';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { ServiceProviderEntity } from '../directory/service-provider.entity';
import { AssistanceParticipantEntity } from './assistance-participant.entity';
import { AssistancePlanEntity } from './assistance-plan.entity';

const bigintAsNumber = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One service of a plan: phase, category, provider, status and dates, optional cost in whole pesos. */
@Entity({ name: 'assistance_services' })
@Index('IDX_assistance_services_case', ['caseId', 'createdAt'])
@Index('IDX_assistance_services_delivered', { synchronize: false })
@Index('IDX_assistance_services_open_due', { synchronize: false })
@Index('IDX_assistance_services_provider', ['providerId'])
@Index('IDX_assistance_services_consent', ['consentId'])
@Index('IDX_assistance_services_participant', ['participantId'])
@Check('CHK_assistance_services_cost', `"costCop" IS NULL OR "costCop" >= 0`)
@Check('CHK_assistance_services_delivered', `("status" = 'delivered') = ("deliveredOn" IS NOT NULL)`)
export class AssistanceServiceEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assistance_services' })
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => AssistancePlanEntity, { nullable: false })
  @JoinColumn({ name: 'planId', foreignKeyConstraintName: 'FK_assistance_services_plan' })
  plan?: AssistancePlanEntity;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_assistance_services_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 20 })
  phase!: AssistancePhase;

  @Column({ type: 'varchar', length: 30 })
  category!: ServiceCategory;

  @Column({ type: 'varchar', length: 20, default: 'victim' })
  beneficiary!: ServiceBeneficiary;

  @Column({ type: 'uuid', nullable: true })
  participantId!: string | null;

  @ManyToOne(() => AssistanceParticipantEntity)
  @JoinColumn({ name: 'participantId', foreignKeyConstraintName: 'FK_assistance_services_participant' })
  participant?: AssistanceParticipantEntity | null;

  @Column({ type: 'uuid', nullable: true })
  providerInstitutionId!: string | null;

  @ManyToOne(() => InstitutionEntity)
  @JoinColumn({ name: 'providerInstitutionId', foreignKeyConstraintName: 'FK_assistance_services_institution' })
  providerInstitution?: InstitutionEntity | null;

  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @ManyToOne(() => ServiceProviderEntity)
  @JoinColumn({ name: 'providerId', foreignKeyConstraintName: 'FK_assistance_services_provider' })
  provider?: ServiceProviderEntity | null;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status!: ServiceStatus;

  @Column({ type: 'date' })
  plannedOn!: string;

  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  deliveredOn!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  costCop!: number | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedText('assistance_services', 'notes') })
  notes!: string | null;

  @Column({ type: 'uuid', nullable: true })
  consentId!: string | null;

  @ManyToOne(() => ConsentEntity)
  @JoinColumn({ name: 'consentId', foreignKeyConstraintName: 'FK_assistance_services_consent' })
  consent?: ConsentEntity | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_assistance_services_created_by' })
  createdBy?: UserEntity;
}
