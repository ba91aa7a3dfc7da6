import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@ruta/shared';
import { ValidationFailedError } from './errors';
import { findUnsafeInput } from './input-guard';

/** Flattens class-validator's tree into dotted field paths with one entry per failed rule. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      message: code === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * Refuses, before class-transformer and class-validator see it, what would crash them or PostgreSQL: a NUL or a lone
 * surrogate anywhere in a body, query or path parameter, and nesting past MAX_INPUT_DEPTH (see input-guard.ts).
 */
class RutaValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unsafe = findUnsafeInput(value, metadata.data ?? metadata.type, metadata.data ?? '');
      if (unsafe) throw new ValidationFailedError([unsafe]);
    }
    return super.transform(value, metadata);
  }
}

/** The one ValidationPipe of the API: unknown fields and wrong types are 400s, never silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new RutaValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
