import { UserRef } from '../common/refs';
import { CaseDocumentContentType, CaseDocumentKind } from './document-options';

export interface CaseDocumentView {
  id: string;
  kind: CaseDocumentKind;
  contentType: CaseDocumentContentType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: UserRef;
  createdAt: string;
}
