import { BACKUP_TITLE, BackupError, copyStatement, dependencyOrder, migrationsToReplay, parseHeader } from './backup-format';

describe('dependencyOrder', () => {
  it('puts every table after the tables it references', () => {
    const order = dependencyOrder(
      ['case_notes', 'cases', 'institutions', 'users', 'roles'],
      [
        { from: 'users', to: 'institutions' },
        { from: 'users', to: 'roles' },
        { from: 'cases', to: 'users' },
        { from: 'case_notes', to: 'cases' },
        { from: 'case_notes', to: 'users' },
      ],
    );
    expect(order).toEqual(['institutions', 'roles', 'users', 'cases', 'case_notes']);
  });

  it('ignores self-references and keeps tables of a cycle, at the end', () => {
    expect(
      dependencyOrder(
        ['a', 'b', 'c'],
        [
          { from: 'a', to: 'a' },
          { from: 'b', to: 'c' },
          { from: 'c', to: 'b' },
        ],
      ),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('migrationsToReplay', () => {
  const known = ['Foundation1', 'Audit2', 'Cases3'];

  it('replays the backup migrations when they are the first this Ruta knows', () => {
    expect(migrationsToReplay(['Foundation1', 'Audit2'], known)).toEqual(['Foundation1', 'Audit2']);
  });

  it('refuses a backup of a newer Ruta, naming the unknown migration', () => {
    expect(() => migrationsToReplay(['Foundation1', 'Audit2', 'Cases3', 'Referrals4'], known)).toThrow(
      new BackupError(
        'the backup was made by a newer Ruta (migration Referrals4 is unknown here): restore it with that version or a later one',
      ),
    );
  });
});

describe('parseHeader', () => {
  it('refuses a file that is not a Ruta backup', () => {
    expect(() => parseHeader('PGDMP', '{}')).toThrow(/not a Ruta backup/);
  });

  it('reads the header that follows the title', () => {
    const header = parseHeader(
      BACKUP_TITLE,
      JSON.stringify({ format: 'ruta-backup', version: 1, migrations: [], tables: [], sequences: [] }),
    );
    expect(header.version).toBe(1);
  });
});

it('quotes table and column names in COPY statements', () => {
  expect(copyStatement({ name: 'audit_events', columns: ['id', 'occurredAt'] }, 'FROM STDIN')).toBe(
    'COPY "audit_events" ("id", "occurredAt") FROM STDIN',
  );
});
