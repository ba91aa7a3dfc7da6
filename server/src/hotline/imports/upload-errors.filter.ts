import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, Logger, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, sendProblem } from '@ruta/platform';
import { CallLogTooLargeError } from './hotline-imports.service';

/** Multer's errors (file too large, unexpected part) as problem+json with a field message, like every other error. */
@Catch(PayloadTooLargeException, BadRequestException)
export class CallLogUploadErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('CallLogUpload');

  catch(exception: PayloadTooLargeException | BadRequestException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const error =
      exception instanceof PayloadTooLargeException
        ? new CallLogTooLargeError()
        : new DomainError('invalid_upload', 400, 'The upload could not be read: send one file in the "file" part and the mapping field', [
            { field: 'file', code: 'invalid_upload', message: 'send one file in the "file" part' },
          ]);
    sendProblem(http.getRequest<Request>(), http.getResponse<Response>(), error, this.logger);
  }
}
