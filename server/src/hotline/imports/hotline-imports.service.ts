import { Inject, Injectable } from '@nestjs/common';
import { FieldError, HOTLINE_IMPORT_FIELDS, HotlineImportField, HotlineImportView } from '@ruta/shared';
import { Actor, AuditService, DomainError, NotFoundError, SECRET_BOX, SecretBox, ValidationFailedError } from '@ruta/platform';
import { packCallLog } from './call-log-file';
import { HotlineImportEntity } from './hotline-import.entity';
import { HotlineImportsRepository } from './hotline-imports.repository';

export const IMPORT_MAX_BYTES = 30 * 1024 * 1024;
const REQUIRED: HotlineImportField[] = ['startedAt', 'channel', 'callerType', 'callType'];

export interface UploadedCallLog {
  buffer: Buffer;
  size: number;
  originalname: string;
}

/** Call-log imports: the file is checked, sealed and queued here; HotlineImportJob runs it. */
@Injectable()
export class HotlineImportsService {
  constructor(
    private readonly imports: HotlineImportsRepository,
    private readonly audit: AuditService,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {}

  async create(actor: Actor, file: UploadedCallLog | undefined, rawMapping: string | undefined): Promise<HotlineImportView> {
    const errors: FieldError[] = [];
    if (!file?.size) errors.push({ field: 'file', code: 'required', message: 'send the call log in the "file" part' });
    else if (!/\.(csv|xlsx)$/i.test(file.originalname)) errors.push({ field: 'file', code: 'unsupported_type', message: 'the call log must be a .csv or .xlsx file' });
    const mapping = this.readMapping(rawMapping, errors);
    if (errors.length) throw new ValidationFailedError(errors);
    const fileName = file!.originalname.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 200);
    const id = await this.imports.insert({ createdById: actor.userId, fileName, mapping, contentSealed: this.box.seal(packCallLog(file!.buffer)) });
    await this.audit.record({ action: 'create', entityType: 'hotline_import', entityId: id, details: { bytes: file!.size, columns: Object.keys(mapping) } });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<HotlineImportView> {
    const found = await this.imports.findById(id);
    // Row-level security shows an import to its author only; the check says the same.
    if (!found || found.createdById !== actor.userId) throw new NotFoundError('hotline_import');
    await this.audit.record({ action: 'read', entityType: 'hotline_import', entityId: id, details: { status: found.status } });
    return toImportView(found);
  }

  private readMapping(raw: string | undefined, errors: FieldError[]): Partial<Record<HotlineImportField, string>> {
    let parsed: unknown;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      errors.push({ field: 'mapping', code: 'required', message: 'mapping must be a JSON object from field to column name' });
      return {};
    }
    const mapping: Partial<Record<HotlineImportField, string>> = {};
    for (const [field, column] of Object.entries(parsed as Record<string, unknown>)) {
      if (!(HOTLINE_IMPORT_FIELDS as readonly string[]).includes(field)) errors.push({ field: `mapping.${field.slice(0, 40)}`, code: 'unknown_field', message: 'not a field of a hotline contact' });
      else if (typeof column !== 'string' || !column.trim() || column.length > 100) errors.push({ field: `mapping.${field}`, code: 'invalid_column', message: 'name the column of the file' });
      else mapping[field as HotlineImportField] = column.trim();
    }
    for (const field of REQUIRED) if (!mapping[field] && !errors.some((e) => e.field === `mapping.${field}`)) errors.push({ field: `mapping.${field}`, code: 'required', message: `map a column to ${field}` });
    return mapping;
  }
}

export class CallLogTooLargeError extends DomainError {
  constructor() {
    super('file_too_large', 413, 'The call log is larger than 30 MB', [{ field: 'file', code: 'maxSize', message: 'file must be at most 30 MB' }]);
  }
}

function toImportView(r: HotlineImportEntity): HotlineImportView {
  return {
    id: r.id,
    fileName: r.fileName,
    status: r.status,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    importedRows: r.importedRows,
    rejected: r.rejected,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  };
}
