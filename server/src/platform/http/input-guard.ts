import { FieldError } from '@ruta/shared';

/** Deeper than any request Ruta accepts (intake is five levels); far below what overflows the stack of the validators. */
export const MAX_INPUT_DEPTH = 32;

const FIELD_MAX_LENGTH = 200;

/**
 * A NUL (which PostgreSQL text cannot hold) or a lone UTF-16 surrogate (which is no character at all, and makes
 * `encodeURI`-based validators throw). With the `u` flag a surrogate pair is one code point, so only lone halves match.
 */
const UNSAFE_TEXT = /[\u0000\p{Cs}]/u;

export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

function fieldName(path: string, fallback: string): string {
  const field = path || fallback;
  return field.length > FIELD_MAX_LENGTH ? `${field.slice(0, FIELD_MAX_LENGTH)}…` : field;
}

function textError(field: string, text: string): FieldError {
  return text.includes('\u0000')
    ? { field, code: 'nulCharacter', message: `${field} must not contain the NUL character` }
    : { field, code: 'invalidUnicode', message: `${field} must be valid Unicode text (it holds a lone surrogate)` };
}

/**
 * The first thing in a request value (body, query or path parameter) that no validator should be handed: text with a
 * NUL or a lone surrogate (in a value or a key), or nesting deeper than MAX_INPUT_DEPTH. Iterative, so a hostile
 * structure cannot overflow the stack here either. `root` names the value when the problem is the value itself.
 */
export function findUnsafeInput(value: unknown, root: string, prefix = ''): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: prefix, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (isUnsafeText(current)) return textError(fieldName(path, root), current);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      const field = fieldName(path, root);
      return { field, code: 'maxDepth', message: `${field} is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    }
    if (Buffer.isBuffer(current) || ArrayBuffer.isView(current)) continue;
    const keys = Object.keys(current);
    // Reversed onto the stack, so fields are checked (and reported) in the order they were sent.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (isUnsafeText(key)) {
        const field = fieldName(path, root);
        return { field, code: 'invalidFieldName', message: `${field} has a field name with a NUL character or a lone surrogate` };
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}
