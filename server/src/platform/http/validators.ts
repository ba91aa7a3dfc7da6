import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, registerDecorator, ValidationOptions } from 'class-validator';
import { Labelled } from '@ruta/shared';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Bogotá, as YYYY-MM-DD. */
export function todayInColombia(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1900-01-01';
}

/** A day without time, `YYYY-MM-DD`, that exists in the calendar. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a date as YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/** A date (YYYY-MM-DD) or instant (ISO 8601) that is not later than today in Colombia. */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property cannot be in the future`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return true; // the type rule reports it
          if (DATE.test(value)) return value <= todayInColombia();
          const time = Date.parse(value);
          return Number.isNaN(time) || time <= Date.now() + 60_000;
        },
      },
    });
}

/** One code of a closed list. */
export const IsOption = (list: Labelled<string>, required = true) =>
  applyDecorators(
    ...(required ? [ApiProperty({ enum: list.values })] : [ApiPropertyOptional({ enum: list.values }), IsOptional()]),
    IsIn(list.values as string[], { message: `$property must be one of: ${list.values.join(', ')}` }),
  );

/** A multi-select of a closed list: an array of distinct codes. */
export const IsOptionList = (list: Labelled<string>, required = true) =>
  applyDecorators(
    ...(required ? [ApiProperty({ enum: list.values, isArray: true })] : [ApiPropertyOptional({ enum: list.values, isArray: true }), IsOptional()]),
    IsArray({ message: '$property must be a list' }),
    ArrayMaxSize(list.values.length),
    ArrayUnique({ message: '$property must not repeat a value' }),
    IsIn(list.values as string[], { each: true, message: `each of $property must be one of: ${list.values.join(', ')}` }),
  );
