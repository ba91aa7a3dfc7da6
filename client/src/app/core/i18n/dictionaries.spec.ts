import { ALL_PERMISSIONS, AUDIT_ACTIONS, AUDIT_ANCHOR_BREAKS, AUDIT_CHAIN_BREAKS, AUDIT_ENTITY_TYPES, CASE_SORTS, INSTITUTION_TYPES, LANGUAGES, permissionResource, RECORD_SCOPES } from '@ruta/shared';
import { LANGUAGE_CODES } from '../../cases/intake/language-codes';
import { NAV_ITEMS } from '../layout/nav-items';
import { AREA_DICTIONARIES, DICTIONARIES } from './bundled-dictionaries';

const { es, en } = DICTIONARIES;

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
  it('give every top-level group to exactly one area', () => {
    const owners = new Map<string, string[]>();
    for (const { area, es: spanish } of AREA_DICTIONARIES) {
      for (const group of Object.keys(spanish)) owners.set(group, [...(owners.get(group) ?? []), area]);
    }
    const shared = [...owners].filter(([, areas]) => areas.length > 1).map(([group, areas]) => `${group}: ${areas.join(', ')}`);
    expect(shared).toEqual([]);
  });

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
    ['auditEntityTypes', AUDIT_ENTITY_TYPES],
    ['brokenReasons', [...AUDIT_CHAIN_BREAKS, ...AUDIT_ANCHOR_BREAKS]],
    ['institutionTypes', INSTITUTION_TYPES],
    ['recordScopes', RECORD_SCOPES],
    ['permissions', ALL_PERMISSIONS],
    ['permissionResources', [...new Set(ALL_PERMISSIONS.map(permissionResource))]],
    ['language', LANGUAGES],
    ['languages', LANGUAGE_CODES],
    ['nav', NAV_ITEMS.map((item) => item.key)],
    ['cases.sorts', CASE_SORTS],
  ])('label every value of %s in both languages', (group, values) => {
    for (const dictionary of [es, en]) {
      for (const value of values) expect(typeof lookup(dictionary, [...group.split('.'), value])).toBe('string');
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
