import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OptimisticLockVersionMismatchError, QueryFailedError } from 'typeorm';
import { FieldError, Problem } from '@ruta/shared';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { DomainError } from './errors';
import { errorFacts, stackFrames } from '../logging/error-facts';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** A database that is down, stalled or out of connections: the request may be retried, nothing about it leaks. */
const DATABASE_UNAVAILABLE: Mapped = {
  status: 503,
  code: 'database_unavailable',
  detail: 'The database is not answering in time; try again in a moment',
};

interface Mapped {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
}

/** PostgreSQL errors caused by the input, not by the server. Their text (which may quote values) is never returned. */
function mapDatabaseError(error: QueryFailedError & { code?: string; constraint?: string }): Mapped | undefined {
  switch (error.code) {
    case '23505':
      return { status: 409, code: 'duplicate', detail: 'A record with the same unique value already exists' };
    case '23503':
      return { status: 400, code: 'invalid_reference', detail: 'A referenced record does not exist' };
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    // Text PostgreSQL cannot store (a NUL, a character outside the encoding) and input too deeply nested to process:
    // the validation pipe refuses these first (input-guard.ts); this is the last line.
    case '22021':
    case '22P05':
    case '54001':
      return { status: 400, code: 'invalid_value', detail: 'A value has the wrong format or size' };
    case '40001':
    case '40P01':
      return { status: 409, code: 'retry', detail: 'The record was busy; try again' };
    case '42501':
      return { status: 404, code: 'not_found', detail: 'The resource does not exist or is not available to you' };
    default:
      return undefined;
  }
}

export function mapException(exception: unknown): Mapped {
  if (exception instanceof DomainError) {
    return { status: exception.status, code: exception.code, detail: exception.message, errors: exception.errors, extensions: exception.extensions };
  }
  if (exception instanceof OptimisticLockVersionMismatchError) {
    return { status: 409, code: 'stale_version', detail: 'The record was changed by someone else since you opened it' };
  }
  if (exception instanceof QueryFailedError) {
    const mapped = mapDatabaseError(exception);
    if (mapped) return mapped;
  }
  if (isDatabaseUnavailable(exception)) return DATABASE_UNAVAILABLE;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const text = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    const detail = status === 404 ? 'The resource does not exist or is not available to you' : Array.isArray(text) ? text.join('; ') : String(text);
    return { status, code: CODES_BY_STATUS[status] ?? 'error', detail };
  }
  const bodyParserError = exception as { type?: string; status?: number };
  if (bodyParserError?.type === 'entity.parse.failed') {
    return { status: 400, code: 'invalid_json', detail: 'The request body is not valid JSON' };
  }
  if (bodyParserError?.type === 'entity.too.large') {
    return { status: 413, code: 'payload_too_large', detail: 'The request body is too large' };
  }
  if (typeof bodyParserError?.status === 'number' && bodyParserError.status >= 400 && bodyParserError.status < 500) {
    return { status: bodyParserError.status, code: CODES_BY_STATUS[bodyParserError.status] ?? 'bad_request', detail: 'The request could not be read' };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: 'internal_error', detail: 'Something went wrong on our side; the request id identifies it' };
}

export function requestIdOf(request: Request): string {
  return String((request as Request & { id?: unknown }).id ?? '');
}

/** Writes any error as application/problem+json (RFC 9457) with the request id; never a stack trace. */
export function sendProblem(request: Request, response: Response, exception: unknown, logger: Logger): void {
  const mapped = mapException(exception);
  const requestId = requestIdOf(request);
  if (mapped.status >= 500) {
    // The class, code and constraint, and where it happened: never the message, which can echo a row's values.
    logger.error({ requestId, err: { facts: errorFacts(exception), stack: stackFrames(exception) } }, 'Unhandled error');
  }
  const problem: Problem = {
    ...mapped.extensions,
    type: `https://ruta.example/problems/${mapped.code}`,
    title: mapped.code.replace(/_/g, ' '),
    status: mapped.status,
    code: mapped.code,
    detail: mapped.detail,
    requestId,
    ...(mapped.errors ? { errors: mapped.errors } : {}),
  };
  if (response.headersSent) return;
  if (mapped.status === 503) response.setHeader('Retry-After', '5');
  response.status(mapped.status).type('application/problem+json').send(JSON.stringify(problem));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getRequest<Request>(), http.getResponse<Response>(), exception, this.logger);
  }
}
