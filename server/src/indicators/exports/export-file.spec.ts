import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { buildExportFile, exportCells, exportHeaders, ExportCaseRow, ExportFileWriter } from './export-file';

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

  it('writes chunk by chunk the same CSV as in one go', async () => {
    const rows = Array.from({ length: 5 }, (_, n) => exportCells({ ...row, code: `RT-2026-00000${n}`, department: n % 2 ? 'Valle, "del" Cauca' : null }, false, 'es'));
    const writer = new ExportFileWriter('csv', exportHeaders(false, 'es'));
    writer.add(rows.slice(0, 2));
    writer.add([]);
    writer.add(rows.slice(2));
    expect((await writer.finish()).toString('utf8')).toBe((await buildExportFile('csv', exportHeaders(false, 'es'), rows)).toString('utf8'));
  });

  it('streams an XLSX workbook that reads back row by row, the header in bold', async () => {
    const writer = new ExportFileWriter('xlsx', exportHeaders(true, 'es'));
    for (let chunk = 0; chunk < 3; chunk++) {
      writer.add(Array.from({ length: 1_000 }, (_, n) => exportCells({ ...row, code: `RT-2026-${String(chunk * 1_000 + n).padStart(6, '0')}` }, true, 'es')));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writer.finish()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Casos')!;
    expect(sheet.rowCount).toBe(3_001);
    expect(sheet.getRow(1).getCell(1).value).toBe('Código');
    expect(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(3_001).getCell(1).value).toBe('RT-2026-002999');
    expect(sheet.getRow(2).getCell(9).value).toBe(`'=HYPERLINK("http://evil.example","clic")`);
  });
});
