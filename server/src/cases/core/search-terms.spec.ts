import { cleanNameQuery, normalizeDocumentNumber, normalizeName } from './search-terms';

describe('search term normalisation', () => {
  it('compares document numbers without dots, dashes, spaces or case', () => {
    expect(normalizeDocumentNumber('1.023.456-7')).toBe('10234567');
    expect(normalizeDocumentNumber(' ab 12 34 ')).toBe('AB1234');
    expect(normalizeDocumentNumber('--')).toBeNull();
    expect(normalizeDocumentNumber(undefined)).toBeNull();
  });

  it('strips accents and case from names like the SQL function does', () => {
    expect(normalizeName('José  PÉREZ-Núñez')).toBe('jose perez nunez');
    expect(normalizeName("María D'Alemán")).toBe('maria d aleman');
  });

  it('cleans a name query and ignores one too short for trigram matching', () => {
    expect(cleanNameQuery('  jose   perez ')).toBe('jose perez');
    expect(cleanNameQuery('jo')).toBeNull();
    expect(cleanNameQuery(undefined)).toBeNull();
  });
});
