import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity, encryptedText } from '@ruta/platform';
import { AgeBand, ParticipantRelation, Sex } from '@ruta/shared';
import { CaseEntity } from '@ruta/cases';
import { UserEntity } from '@ruta/identity';

/** A beneficiary relative of the victim (first degree, spouse or permanent partner) recorded on the case. */
@Entity({ name: 'assistance_participants' })
@Index('IDX_assistance_participants_case', ['caseId', 'createdAt'])
export class AssistanceParticipantEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assistance_participants' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_assistance_participants_case' })
  case?: CaseEntity;

  @Column({ type: 'text', transformer: encryptedText('assistance_participants', 'fullName') })
  fullName!: string;

  @Column({ type: 'varchar', length: 20 })
  relation!: ParticipantRelation;

  @Column({ type: 'varchar', length: 20 })
  sex!: Sex;

  @Column({ type: 'varchar', length: 10, nullable: true })
  ageBand!: AgeBand | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_assistance_participants_created_by' })
  createdBy?: UserEntity;
}
