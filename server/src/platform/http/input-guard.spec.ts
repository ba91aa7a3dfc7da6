import { findUnsafeInput, isUnsafeText, MAX_INPUT_DEPTH } from './input-guard';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('input guard', () => {
  it('tells text PostgreSQL or the validators cannot take from text they can', () => {
    expect(isUnsafeText('a\u0000b')).toBe(true);
    expect(isUnsafeText('\ud800')).toBe(true);
    expect(isUnsafeText('x\udfff')).toBe(true);
    expect(isUnsafeText('\udc00\ud800')).toBe(true);
    expect(isUnsafeText('José 😀 \u202e ñ')).toBe(false);
    expect(isUnsafeText('')).toBe(false);
  });

  it('names the field holding a NUL, however deep', () => {
    expect(findUnsafeInput({ victim: { aliases: ['ok', 'bad\u0000'] } }, 'body')).toEqual({
      field: 'victim.aliases.1',
      code: 'nulCharacter',
      message: 'victim.aliases.1 must not contain the NUL character',
    });
  });

  it('names the field holding a lone surrogate', () => {
    expect(findUnsafeInput({ email: 'ana\udfff@x.demo', password: 'x' }, 'body')).toMatchObject({ field: 'email', code: 'invalidUnicode' });
  });

  it('refuses a field name with a NUL without echoing it', () => {
    const error = findUnsafeInput({ filters: { 'a\u0000': 1 } }, 'body');
    expect(error).toMatchObject({ field: 'filters', code: 'invalidFieldName' });
    expect(JSON.stringify(error)).not.toContain('\\u0000');
  });

  it('names a scalar parameter by its name', () => {
    expect(findUnsafeInput('RT-2026-000001\u0000', 'code', 'code')).toMatchObject({ field: 'code', code: 'nulCharacter' });
    expect(findUnsafeInput('\u0000', 'query')).toMatchObject({ field: 'query' });
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels and refuses one more`, () => {
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH), 'body')).toBeUndefined();
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH + 1), 'body')).toMatchObject({ code: 'maxDepth' });
  });

  it('walks 5,000 levels of nesting without overflowing the stack', () => {
    let value: unknown = [];
    for (let i = 0; i < 5000; i++) value = [value];
    expect(findUnsafeInput({ value }, 'body')).toMatchObject({ field: expect.stringMatching(/^value\.0\.0/), code: 'maxDepth' });
  });

  it('accepts ordinary input', () => {
    expect(findUnsafeInput({ name: 'Prueba Ficticia', limit: 10, tags: ['a', null, true], nested: { ok: 'sí' } }, 'body')).toBeUndefined();
    expect(findUnsafeInput(undefined, 'query')).toBeUndefined();
  });
});
