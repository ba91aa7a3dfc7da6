import { ALL_PERMISSIONS, AUDIT_ACTIONS, INSTITUTION_TYPES, permissionResource, RECORD_SCOPES } from '@ruta/shared';
import { en } from './en';
import { es } from './es';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function lookup(dictionary: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], dictionary);
}

describe('dictionaries', () => {
  it('have exactly the same keys in Spanish and English', () => {
    expect(keys(en).sort()).toEqual(keys(es).sort());
  });

  it('have no empty text', () => {
    for (const dictionary of [es, en]) {
      for (const key of keys(dictionary)) expect(lookup(dictionary, key.split('.'))).not.toBe('');
    }
  });

  it.each([
    ['auditActions', AUDIT_ACTIONS],
    ['institutionTypes', INSTITUTION_TYPES],
    ['recordScopes', RECORD_SCOPES],
    ['permissions', ALL_PERMISSIONS],
    ['permissionResources', [...new Set(ALL_PERMISSIONS.map(permissionResource))]],
  ])('label every value of %s in both languages', (group, values) => {
    for (const dictionary of [es, en]) {
      for (const value of values) expect(typeof lookup(dictionary, [group, value])).toBe('string');
    }
  });

  it.each([
    'isEmail',
    'minLength',
    'maxLength',
    'isNotEmpty',
    'unknownField',
    'isEnum',
    'isIn',
    'common_password',
    'invalid_credentials',
    'account_locked',
    'invalid_code',
    'stale_version',
    'duplicate',
  ])('translate the API error code %s', (code) => {
    expect(typeof lookup(es, ['errors', code])).toBe('string');
    expect(typeof lookup(en, ['errors', code])).toBe('string');
  });
});
