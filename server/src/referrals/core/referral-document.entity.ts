import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseDocumentEntity } from '@ruta/cases';
import { ReferralEntity } from './referral.entity';

/** A case document chosen, one by one, to go with a referral that shares `documents`. */
@Entity({ name: 'referral_documents' })
@Index('IDX_referral_documents_document', ['documentId'])
export class ReferralDocumentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_referral_documents' })
  referralId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_referral_documents' })
  documentId!: string;

  @ManyToOne(() => ReferralEntity, { nullable: false })
  @JoinColumn({ name: 'referralId', foreignKeyConstraintName: 'FK_referral_documents_referral' })
  referral?: ReferralEntity;

  @ManyToOne(() => CaseDocumentEntity, { nullable: false })
  @JoinColumn({ name: 'documentId', foreignKeyConstraintName: 'FK_referral_documents_document' })
  document?: CaseDocumentEntity;
}
