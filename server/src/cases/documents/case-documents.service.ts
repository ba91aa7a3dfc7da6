import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CASE_DOCUMENT_MAX_BYTES, CaseDocumentView, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, NotFoundError, RUTA_CONFIG, RutaConfig, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService } from '../core';
import { UserQuotasService } from '../quotas';
import { userRef } from '@ruta/identity';
import { CaseDocumentEntity } from './case-document.entity';
import { CaseDocumentsRepository } from './case-documents.repository';
import { UploadDocumentDto } from './dto/upload-document.dto';
import { extensionOf, sniffContentType } from './magic-bytes';
import { CaseStorageExceededError, FileTooLargeError } from './upload-errors.filter';

const UPLOAD_WINDOW_MS = 10 * 60 * 1000;

/** The part of a multer file this feature reads. */
export interface UploadedDocument {
  buffer: Buffer;
  size: number;
}

export interface DocumentDownload {
  content: Buffer;
  contentType: string;
  /** The document id and the sniffed extension: never the uploaded name, which may name the victim. */
  fileName: string;
}

function toDocumentView(d: CaseDocumentEntity): CaseDocumentView {
  return { id: d.id, kind: d.kind, contentType: d.contentType, sizeBytes: d.sizeBytes, sha256: d.sha256, uploadedBy: userRef(d.uploadedBy, d.uploadedById), createdAt: d.createdAt.toISOString() };
}

@Injectable()
export class CaseDocumentsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly documents: CaseDocumentsRepository,
    private readonly quotas: UserQuotasService,
    private readonly audit: AuditService,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {}

  async list(actor: Actor, code: string): Promise<CaseDocumentView[]> {
    const rows = await this.access.readCase(actor, code, PERMISSIONS.documentsRead, (found) => this.documents.list(found.id), (r) => ({ section: 'documents', count: r.length }));
    return rows.map(toDocumentView);
  }

  /**
   * Accepts PDF, JPEG and PNG up to 10 MB, recognised by their first bytes; the file name is ignored. Each user may
   * upload DOCUMENT_UPLOADS_PER_10_MIN documents in ten minutes (429) and a case's documents may total
   * CASE_DOCUMENTS_MAX_MB (413).
   */
  async upload(actor: Actor, code: string, dto: UploadDocumentDto, file: UploadedDocument | undefined): Promise<CaseDocumentView> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.documentsUpload);
    if (!file) throw new ValidationFailedError([{ field: 'file', code: 'required', message: 'file is required' }]);
    if (file.size > CASE_DOCUMENT_MAX_BYTES) throw new FileTooLargeError();
    const contentType = sniffContentType(file.buffer);
    if (!contentType) throw new ValidationFailedError([{ field: 'file', code: 'unsupported_type', message: 'file must be a PDF, JPEG or PNG document' }]);
    const perWindow = this.config.DOCUMENT_UPLOADS_PER_10_MIN;
    await this.quotas.consume(actor.userId, 'document_upload', { limit: perWindow, windowMs: UPLOAD_WINDOW_MS }, {
      code: 'upload_rate_exceeded',
      message: `At most ${perWindow} documents may be uploaded in ten minutes; try again later`,
      audit: { action: 'update', entityType: 'case', entityId: found.id, details: { fields: ['documents'], quota: 'upload_rate', sizeBytes: file.size } },
    });
    const maxMb = this.config.CASE_DOCUMENTS_MAX_MB;
    if ((await this.documents.lockStoredBytes(found.id)) + file.size > maxMb * 1024 * 1024) throw new CaseStorageExceededError(maxMb);
    const id = await this.documents.insert({
      caseId: found.id,
      kind: dto.kind,
      contentType,
      sizeBytes: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
      uploadedById: actor.userId,
      uploadedByInstitutionId: actor.institutionId,
    });
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { fields: ['documents'], document: id, kind: dto.kind, contentType, sizeBytes: file.size } });
    const saved = (await this.documents.list(found.id)).find((d) => d.id === id)!;
    return toDocumentView(saved);
  }

  async download(actor: Actor, code: string, documentId: string): Promise<DocumentDownload> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.documentsRead);
    const document = await this.documents.withContent(found.id, documentId);
    if (!document) throw new NotFoundError('document');
    await this.audit.record({ action: 'read', entityType: 'case', entityId: found.id, details: { section: 'documents', document: document.id, download: true } });
    return { content: document.content, contentType: document.contentType, fileName: `${document.id}.${extensionOf(document.contentType)}` };
  }
}
