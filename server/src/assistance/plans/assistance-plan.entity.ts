import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '@ruta/platform';
import { CaseEntity } from '@ruta/cases';
import { UserEntity } from '@ruta/identity';

/** A case's assistance plan: its objectives; the services hang from it. One per case. */
@Entity({ name: 'assistance_plans' })
@Unique('UQ_assistance_plans_case', ['caseId'])
export class AssistancePlanEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assistance_plans' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_assistance_plans_case' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  objectives!: string;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_assistance_plans_created_by' })
  createdBy?: UserEntity;
}
