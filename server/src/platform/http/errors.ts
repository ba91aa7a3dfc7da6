import { FieldError } from '@ruta/shared';

/** A failure the API explains to its caller: a stable code, an HTTP status, and a message free of personal data. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem document (RFC 9457 extensions), e.g. `currentVersion`. Never personal data. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also what a record outside the actor's scope answers: its existence is not revealed. */
export class NotFoundError extends DomainError {
  constructor(entity = 'resource') {
    super('not_found', 404, `The ${entity} does not exist or is not available to you`);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[], message = 'The request has invalid fields') {
    super('validation_failed', 400, message, errors);
  }
}

export class StaleVersionError extends DomainError {
  constructor(currentVersion?: number, changedFields?: string[]) {
    super('stale_version', 409, 'The record was changed by someone else since you opened it; reload and apply your change again', undefined, {
      ...(currentVersion !== undefined ? { currentVersion } : {}),
      ...(changedFields ? { changedFields } : {}),
    });
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, errors?: FieldError[], extensions?: Record<string, unknown>) {
    super(code, 409, message, errors, extensions);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = 'unauthenticated', message = 'Sign in to continue') {
    super(code, 401, message);
  }
}

/** The service cannot answer now (its database is down or stalled); the caller may try again shortly. */
export class ServiceUnavailableError extends DomainError {
  constructor(code = 'service_unavailable', message = 'The service is not available right now; try again in a moment', extensions?: Record<string, unknown>) {
    super(code, 503, message, undefined, extensions);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'forbidden', message = 'Your role does not allow this action') {
    super(code, 403, message);
  }
}
