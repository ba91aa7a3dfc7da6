import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler, inject, Injectable, Injector } from '@angular/core';
import { Notifier } from './notifier';
import { requestIdOf } from './problem';

/** Unexpected errors: logged, and told to the user with the request id when an API call caused them. */
@Injectable()
export class RutaErrorHandler implements ErrorHandler {
  private readonly injector = inject(Injector);

  handleError(error: unknown): void {
    console.error(error);
    const cause = findHttpError(error);
    // Network failures and 5xx were already announced by the interceptor.
    if (cause && (cause.status === 0 || cause.status >= 500)) return;
    try {
      this.injector.get(Notifier).unexpected(cause ? requestIdOf(cause) : null);
    } catch {
      // The snack bar itself failed (e.g. during bootstrap): the console has it.
    }
  }
}

function findHttpError(error: unknown): HttpErrorResponse | null {
  if (error instanceof HttpErrorResponse) return error;
  const cause = (error as { rejection?: unknown; cause?: unknown } | null)?.rejection ?? (error as Error | null)?.cause;
  return cause instanceof HttpErrorResponse ? cause : null;
}
