import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseDocumentContentType, CaseDocumentKind } from '@ruta/shared';
import { CaseEntity } from '../core';
import { InstitutionEntity, UserEntity } from '@ruta/identity';
import { encryptedBytes } from '@ruta/platform';

/** A PDF, JPEG or PNG stored in PostgreSQL. `content` is loaded only for a download, and stored encrypted (`sizeBytes` and `sha256` are of the clear file). */
@Entity({ name: 'case_documents' })
@Index('IDX_case_documents_case', ['caseId', 'createdAt'])
export class CaseDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_documents' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { nullable: false })
  @JoinColumn({ name: 'caseId', foreignKeyConstraintName: 'FK_case_documents_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 30 })
  kind!: CaseDocumentKind;

  /** Sniffed from the first bytes, never taken from the name or the browser. */
  @Column({ type: 'varchar', length: 40 })
  contentType!: CaseDocumentContentType;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bytea', select: false, transformer: encryptedBytes('case_documents', 'content') })
  content!: Buffer;

  @Column({ type: 'uuid' })
  uploadedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false })
  @JoinColumn({ name: 'uploadedById', foreignKeyConstraintName: 'FK_case_documents_uploaded_by' })
  uploadedBy?: UserEntity;

  @Column({ type: 'uuid' })
  uploadedByInstitutionId!: string;

  @ManyToOne(() => InstitutionEntity, { nullable: false })
  @JoinColumn({ name: 'uploadedByInstitutionId', foreignKeyConstraintName: 'FK_case_documents_institution' })
  uploadedByInstitution?: InstitutionEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
