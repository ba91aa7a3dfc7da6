import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '../core';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { encryptedText } from '@ruta/platform';

/** A note on a case. A restricted note is visible only inside its author's institution (row-level security). The text is stored encrypted. */
@Entity({ name: 'case_notes' })
@Index('IDX_case_notes_case', ['caseId', 'createdAt'])
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_notes' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_case_notes_case' })
  case?: CaseEntity;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'authorId', foreignKeyConstraintName: 'FK_case_notes_author' })
  author?: UserEntity;

  @Column({ type: 'uuid' })
  authorInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'authorInstitutionId', foreignKeyConstraintName: 'FK_case_notes_institution' })
  authorInstitution?: InstitutionEntity;

  @Column({ type: 'boolean', default: false })
  restricted!: boolean;

  @Column({ type: 'text', transformer: encryptedText('case_notes', 'body') })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
