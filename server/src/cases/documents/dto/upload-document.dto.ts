import { CASE_DOCUMENT_KIND, CaseDocumentKind } from '@ruta/shared';
import { IsOption } from '@ruta/platform';

/** The form fields of a multipart upload, beside the `file` part. */
export class UploadDocumentDto {
  @IsOption(CASE_DOCUMENT_KIND) kind!: CaseDocumentKind;
}
