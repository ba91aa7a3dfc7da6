import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@ruta/shared';
import { ValidationFailedError } from './errors';

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

/** The one ValidationPipe of the API: unknown fields and wrong types are 400s, never silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
