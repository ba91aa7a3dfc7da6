import { EMPTY_CASE_FILTERS, fromSavedFilters, toCaseSearch, toSavedFilters } from './case-search-filters';

describe('case search filters', () => {
  it('sends only the filters in use, with the default sort', () => {
    expect(toCaseSearch(EMPTY_CASE_FILTERS)).toEqual({ sort: 'created_desc' });
  });

  it('maps every filter of the form to the search body', () => {
    const request = toCaseSearch({
      ...EMPTY_CASE_FILTERS,
      code: ' rt-2026-000123 ',
      name: '  jose   perez ',
      documentNumber: ' 1.020.304 ',
      status: ['received', 'screening'],
      institutionId: ['i-1'],
      purpose: ['forced_labour'],
      departmentCode: '11',
      minor: 'no',
      assignedToMe: true,
      identifiedFrom: '2026-01-01',
      identifiedTo: '2026-01-31',
      createdFrom: '2026-02-01',
      createdTo: '',
      sort: 'updated_desc',
    });
    expect(request).toEqual({
      code: 'RT-2026-000123',
      name: 'jose perez',
      documentNumber: '1.020.304',
      status: ['received', 'screening'],
      institutionId: ['i-1'],
      purpose: ['forced_labour'],
      departmentCode: '11',
      minor: false,
      assignedToMe: true,
      identifiedFrom: '2026-01-01',
      identifiedTo: '2026-01-31',
      createdFrom: '2026-02-01',
      sort: 'updated_desc',
    });
  });

  it('keeps minors as true when asked for minors', () => {
    expect(toCaseSearch({ ...EMPTY_CASE_FILTERS, minor: 'yes' }).minor).toBe(true);
  });

  it('never saves a name or a document number in a saved search', () => {
    const saved = toSavedFilters({ ...EMPTY_CASE_FILTERS, name: 'José Pérez', documentNumber: '123', status: ['closed'] });
    expect(saved).toEqual({ status: ['closed'], sort: 'created_desc' });
    expect(JSON.stringify(saved)).not.toMatch(/Jos|123/);
  });

  it('restores a saved search into the form, round trip', () => {
    const value = { ...EMPTY_CASE_FILTERS, status: ['follow_up' as const], minor: 'yes' as const, departmentCode: '05', sort: 'created_asc' as const };
    expect(fromSavedFilters(toSavedFilters(value))).toEqual(value);
  });
});
