import { ValidationFailedError } from './errors';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends Record<string, unknown>>(cursor: string): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') return value as T;
  } catch {
    // falls through to the validation error
  }
  throw new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'cursor is not valid' }]);
}
