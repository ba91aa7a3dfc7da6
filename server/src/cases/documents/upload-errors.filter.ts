import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, Logger, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CASE_DOCUMENT_MAX_BYTES } from '@ruta/shared';
import { DomainError, sendProblem } from '@ruta/platform';

export class FileTooLargeError extends DomainError {
  constructor() {
    const mb = CASE_DOCUMENT_MAX_BYTES / 1024 / 1024;
    super('file_too_large', 413, `The file is larger than ${mb} MB`, [{ field: 'file', code: 'maxSize', message: `file must be at most ${mb} MB` }]);
  }
}

/** 413: the case's documents would exceed CASE_DOCUMENTS_MAX_MB together. */
export class CaseStorageExceededError extends DomainError {
  constructor(maxMb: number) {
    super('case_storage_exceeded', 413, `The documents of a case may total at most ${maxMb} MB; this file does not fit`, [
      { field: 'file', code: 'case_storage_exceeded', message: `the case's documents may total at most ${maxMb} MB` },
    ], { maxMb });
  }
}

/** Multer's errors (file too large, unexpected part) as problem+json with a field message, like every other error. */
@Catch(PayloadTooLargeException, BadRequestException)
export class UploadErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('UploadErrors');

  catch(exception: PayloadTooLargeException | BadRequestException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const error =
      exception instanceof PayloadTooLargeException
        ? new FileTooLargeError()
        : new DomainError('invalid_upload', 400, 'The upload could not be read: send one file in the "file" part and the kind field', [
            { field: 'file', code: 'invalid_upload', message: 'send one file in the "file" part' },
          ]);
    sendProblem(http.getRequest<Request>(), http.getResponse<Response>(), error, this.logger);
  }
}
