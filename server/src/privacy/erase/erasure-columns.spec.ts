import { getMetadataArgsStorage } from 'typeorm';
import { DataCategory } from '@ruta/shared';
import { ASSISTANCE_ENTITIES } from '@ruta/assistance';
import { CASES_ENTITIES } from '@ruta/cases';
import { HOTLINE_ENTITIES } from '@ruta/hotline';
import { DbColumn, eraseAssignments, ERASURE_COLUMNS, FULLY_LISTED_TABLES, unknownColumns } from './erasure-columns';

/** The columns an entity maps, by table name, from TypeORM's decorators (what the migrations must create). */
function entityColumns(table: string): string[] {
  const storage = getMetadataArgsStorage();
  const entity = [...CASES_ENTITIES, ...ASSISTANCE_ENTITIES, ...HOTLINE_ENTITIES].find((e) => storage.tables.some((t) => t.target === e && t.name === table));
  if (!entity) throw new Error(`no entity for ${table}`);
  // Inherited columns (VersionedEntity) count too.
  return storage.columns.filter((c) => c.target === entity || (typeof c.target === 'function' && entity.prototype instanceof c.target)).map((c) => c.propertyName);
}

const all = new Set<DataCategory>(['victim_identity', 'victim_profile', 'victim_contacts', 'notes', 'documents', 'relatives', 'hotline_callers']);

describe('erasure columns', () => {
  it.each(FULLY_LISTED_TABLES)('classifies every column of %s as erased, statistics, key or derived', (table) => {
    // A new identity column (a blind index, a new field) fails here until someone decides what the erasure does with it.
    expect({ table, unclassified: unknownColumns(table, entityColumns(table)) }).toEqual({ table, unclassified: [] });
  });

  it('knows the hotline caller columns of the hotline contact entity', () => {
    const columns = entityColumns('hotline_contacts');
    for (const column of Object.keys(ERASURE_COLUMNS.hotline_contacts)) expect(columns).toContain(column);
  });

  it("erases every identity column of the victim and keeps only what the statistics read", () => {
    const kept = Object.entries(ERASURE_COLUMNS.victims).filter(([, fate]) => fate === 'statistics').map(([c]) => c);
    expect(kept.sort()).toEqual(['nationality', 'sex']);
    for (const column of ['givenNames', 'familyNames', 'aliases', 'birthDate', 'documentNumber', 'phone', 'email', 'currentLocation']) {
      expect(typeof ERASURE_COLUMNS.victims[column]).toBe('object');
    }
  });

  it('writes the pseudonym into the given names and empties the rest by their type', () => {
    const columns: DbColumn[] = [
      { name: 'caseId', dataType: 'uuid', nullable: false },
      { name: 'givenNames', dataType: 'text', nullable: false },
      { name: 'familyNames', dataType: 'text', nullable: true },
      { name: 'languages', dataType: 'ARRAY', nullable: false },
      { name: 'sex', dataType: 'character varying', nullable: false },
      { name: 'phone', dataType: 'text', nullable: true },
    ];
    expect(eraseAssignments('victims', all, columns, { pseudonym: '$2' })).toEqual(['"givenNames" = $2', '"familyNames" = NULL', `"languages" = '{}'`, '"phone" = NULL']);
  });

  it('leaves the categories that are kept (an open proceeding keeps the identity)', () => {
    const columns: DbColumn[] = [
      { name: 'givenNames', dataType: 'text', nullable: false },
      { name: 'phone', dataType: 'text', nullable: true },
      { name: 'ethnicity', dataType: 'character varying', nullable: true },
    ];
    const withoutIdentity = new Set([...all].filter((c) => c !== 'victim_identity'));
    expect(eraseAssignments('victims', withoutIdentity, columns, { pseudonym: '$2' })).toEqual(['"phone" = NULL', '"ethnicity" = NULL']);
  });

  it('reports a column it does not know', () => {
    expect(unknownColumns('victims', ['caseId', 'givenNames', 'secretNickname'])).toEqual(['secretNickname']);
  });
});
