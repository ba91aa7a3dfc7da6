import { listExportFilters } from './list-export-request';

describe('listExportFilters', () => {
  it('carries every code filter of the case list, renamed as the export request names them', () => {
    expect(
      listExportFilters({ status: ['immediate_assistance'], institutionId: ['i-1'], purpose: ['forced_labour'], departmentCode: '05', minor: false, assignedToMe: true, code: 'RT-2026-000001', identifiedFrom: '2026-01-01', identifiedTo: '2026-06-30', createdFrom: '2026-02-01', createdTo: '2026-02-28' }),
    ).toEqual({ statuses: ['immediate_assistance'], institutionIds: ['i-1'], purposes: ['forced_labour'], departmentCode: '05', minor: false, assignedToMe: true, code: 'RT-2026-000001', from: '2026-01-01', to: '2026-06-30', createdFrom: '2026-02-01', createdTo: '2026-02-28' });
  });

  it('sends nothing for an unfiltered list, and refuses a list filtered by a name or a document number', () => {
    expect(listExportFilters({})).toEqual({});
    expect(listExportFilters({ name: 'Ana' })).toBeNull();
    expect(listExportFilters({ documentNumber: '123' })).toBeNull();
  });
});
