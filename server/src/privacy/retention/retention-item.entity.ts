import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RetentionItemStatus, RetentionRecordType } from '@ruta/shared';
import { VersionedEntity } from '@ruta/platform';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { CaseEntity } from '@ruta/cases';

/** One record whose retention period has run out, waiting for a reviewer to confirm (erase) or postpone it. */
@Entity({ name: 'privacy_retention_items' })
@Unique('UQ_privacy_retention_items_case', ['caseId'])
@Unique('UQ_privacy_retention_items_contact', ['hotlineContactId'])
@Index('IDX_privacy_retention_items_queue', ['status', 'dueOn', 'id'])
@Index('IDX_privacy_retention_items_institution_queue', ['institutionId', 'status', 'dueOn', 'id'])
@Check('CHK_privacy_retention_items_target', `("caseId" IS NULL) <> ("hotlineContactId" IS NULL)`)
export class RetentionItemEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_privacy_retention_items' })
  id!: string;

  @Column({ type: 'varchar', length: 30 })
  recordType!: RetentionRecordType;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CaseEntity)
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_privacy_retention_items_case' })
  case?: CaseEntity | null;

  @Column({ type: 'uuid', nullable: true })
  hotlineContactId!: string | null;

  // The hotline's entity, by name: the hotline area exports its entity list, not the class.
  @ManyToOne('HotlineContactEntity')
  @JoinColumn({ name: 'hotlineContactId', foreignKeyConstraintName: 'FK_privacy_retention_items_contact' })
  hotlineContact?: object | null;

  /** The case's or the contact's code: what the queue shows. */
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'institutionId', foreignKeyConstraintName: 'FK_privacy_retention_items_institution' })
  institution?: InstitutionEntity;

  @Column({ type: 'date' })
  endedOn!: string;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: RetentionItemStatus;

  @Column({ type: 'date', nullable: true })
  postponedUntil!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decidedById', foreignKeyConstraintName: 'FK_privacy_retention_items_decided_by' })
  decidedBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
