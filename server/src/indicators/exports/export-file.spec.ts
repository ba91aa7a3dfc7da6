import Papa from 'papaparse';
import { buildExportFile, exportCells, exportHeaders, ExportCaseRow } from './export-file';

const row: ExportCaseRow = {
  id: 'x',
  code: 'RT-2026-000001',
  identifiedOn: '2026-01-15',
  status: 'received',
  scope: 'internal',
  ageBand: '27-29',
  purposes: ['forced_labour', 'sexual_exploitation'],
  institution: 'Policía Nacional',
  department: 'Bogotá, D.C.',
  givenNames: '=HYPERLINK("http://evil.example","clic")',
  familyNames: '@SUM(A1)',
};

describe('list export files', () => {
  it('labels codes in the chosen language and neutralises formula cells', () => {
    const cells = exportCells(row, true, 'es');
    expect(cells.slice(2, 6)).toEqual(['Recibido', 'Interna', '27 a 29 años', 'Trabajos o servicios forzados; Explotación sexual']);
    expect(cells.slice(8)).toEqual([`'=HYPERLINK("http://evil.example","clic")`, "'@SUM(A1)"]);
    expect(exportCells(row, false, 'en')).toHaveLength(8);
  });

  it('writes a CSV that reads back cell by cell, with the names only when identified', async () => {
    const csv = (await buildExportFile('csv', exportHeaders(true, 'en'), [exportCells(row, true, 'en')])).toString('utf8').replace(/^\uFEFF/, '');
    const [headers, cells] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(headers).toEqual(['Code', 'Identified on', 'Status', 'Scope', 'Age band', 'Purposes', 'Institution', 'Department', 'Given names', 'Family names']);
    expect(cells[7]).toBe('Bogotá, D.C.');
    expect(cells[8].startsWith("'=")).toBe(true);
  });
});
