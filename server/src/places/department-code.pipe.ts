import { Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '@ruta/platform';

/** A path segment that must be a 2-digit DIVIPOLA department code; anything else is simply not found. */
@Injectable()
export class DepartmentCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{2}$/.test(value)) throw new NotFoundError('department');
    return value;
  }
}
