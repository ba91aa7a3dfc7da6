/**
 * Generated hostile input for the fuzz test: a seeded PRNG (so a failure is reproducible from its seed) and the values
 * attackers send: NUL characters, lone surrogates, control and bidi characters, huge or deeply nested structures,
 * prototype keys, wrong types, and raw URL fragments (invalid percent-encoding, overlong UTF-8).
 */

/** mulberry32: small, fast, good enough to pick inputs; the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string, to give each route its own reproducible sequence. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Marks where a serialised body gets a structure nested this deep (JSON.stringify itself would overflow). */
export const DEEP_ARRAY = '\u0001deep-array\u0001';
export const DEEP_OBJECT = '\u0001deep-object\u0001';
export const NESTING = 5000;

export const NUL_STRINGS = ['\u0000', 'Prueba\u0000Ficticia', 'RT-2026-000001\u0000'];
export const SURROGATE_STRINGS = ['\ud800', 'ana\udfff@x.demo', '\udc00\ud800', 'Ficticia \ud83d'];

export const HOSTILE_STRINGS: readonly string[] = [
  ...NUL_STRINGS,
  ...SURROGATE_STRINGS,
  '',
  ' ',
  '\u0001\u0008\u001f\u007f',
  '\u202e\u200b\ufeff',
  '\uffff\ufffe',
  '😀 Ficticia',
  'A'.repeat(20_000),
  "' OR 1=1 --",
  '%00',
  '\\u0000',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '2026-02-30',
  '9999-12-31T23:59:60Z',
  '-infinity',
  'NaN',
  'null',
  '__proto__',
  '\r\n\r\nX-Injected: 1',
  '00000000-0000-0000-0000-000000000000',
  'RT-9999-999999',
];

const HOSTILE_NUMBERS: readonly number[] = [0, -1, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 0.5, 1e-300, -(2 ** 63)];

/** Any JSON value an attacker might put where a field is expected. */
export function hostileValue(random: () => number): unknown {
  const kind = Math.floor(random() * 12);
  switch (kind) {
    case 0:
    case 1:
    case 2:
      return pick(random, HOSTILE_STRINGS);
    case 3:
      return pick(random, HOSTILE_NUMBERS);
    case 4:
      return pick(random, [true, false, null]);
    case 5:
      return pick(random, [[], {}, [pick(random, HOSTILE_STRINGS)], { a: pick(random, HOSTILE_STRINGS) }]);
    case 6:
      return pick(random, [DEEP_ARRAY, DEEP_OBJECT]);
    case 7:
      return Array.from({ length: 5000 }, () => pick(random, ['x', 1, null]));
    case 8:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    case 9:
      return { [pick(random, HOSTILE_STRINGS)]: pick(random, HOSTILE_STRINGS) };
    case 10:
      return pick(random, NUL_STRINGS);
    default:
      return pick(random, SURROGATE_STRINGS);
  }
}

/** Paths of every leaf of a JSON value (array indices included), the root being []. */
export function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...path, i])) : [path];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leafPaths(v, [...path, k])) : [path];
  }
  return [path];
}

/** A deep copy of `value` with the node at `path` replaced (or, with `extraKey`, a key added beside it). */
export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head] = withValueAt(copy[head], rest, replacement);
  return copy;
}

/** JSON text of a body, with the deep-nesting markers expanded. */
export function serialise(body: unknown): string {
  return JSON.stringify(body)
    .split(JSON.stringify(DEEP_ARRAY))
    .join('['.repeat(NESTING) + ']'.repeat(NESTING))
    .split(JSON.stringify(DEEP_OBJECT))
    .join('{"a":'.repeat(NESTING) + '1' + '}'.repeat(NESTING));
}

/** Raw request bodies that are not a mutation of a valid one. */
export const RAW_BODIES: readonly string[] = [
  '['.repeat(NESTING) + ']'.repeat(NESTING),
  '{"a":'.repeat(NESTING) + '1' + '}'.repeat(NESTING),
  '{"email":' + '['.repeat(NESTING) + '"x"' + ']'.repeat(NESTING) + '}',
  '"\\u0000"',
  '{"\\u0000": "\\u0000"}',
  '{"\\ud800": "\\udc00"}',
  'null',
  '123',
  '"text"',
  '[]',
  '{"__proto__": {"isAdmin": true}}',
  '{"a": 1, "a": 2}',
  '\ufeff{}',
  '{"a": "\\u0000"}'.repeat(3),
];

/** Raw URL fragments (already percent-encoded, or deliberately broken) for path segments and query values. */
export const RAW_URL_FRAGMENTS: readonly string[] = [
  '%00',
  'a%00b',
  'RT-2026-000001%00',
  '%ED%A0%80',
  '%C0%80',
  '%FF%FE',
  '%',
  '%zz',
  '%25',
  '..%2F..%2Fetc%2Fpasswd',
  '%F0%9F%98%80',
  '%E2%80%AE',
  'x'.repeat(3000),
  '%20',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '1e308',
  'NaN',
  'true',
];

export const QUERY_KEYS: readonly string[] = [
  'q',
  'cursor',
  'limit',
  'institutionId',
  'userId',
  'entityType',
  'entityId',
  'action',
  'from',
  'to',
  'sort',
  'name',
  'code',
  'q[]',
  'q[a]',
  'limit[]',
  '__proto__',
  'constructor[prototype][polluted]',
  '%00',
];

/** A query string of one to three hostile parameters. */
export function hostileQuery(random: () => number): string {
  const count = 1 + Math.floor(random() * 3);
  const parts = Array.from({ length: count }, () => `${pick(random, QUERY_KEYS)}=${pick(random, RAW_URL_FRAGMENTS)}`);
  return `?${parts.join('&')}`;
}

/** Shows a request so that it can be replayed: control and non-ASCII characters escaped, long bodies cut. */
export function printable(text: string, max = 400): string {
  const escaped = JSON.stringify(text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
  return escaped;
}
