import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AGE_BAND, CASE_SCOPE, CASE_STATUS, EXPLOITATION_PURPOSE, ExportFormat, safeCell } from '@ruta/shared';

/** One case of a list export, as read from the database. */
export interface ExportCaseRow {
  id: string;
  code: string;
  identifiedOn: string;
  status: string;
  scope: string;
  ageBand: string | null;
  purposes: string[];
  institution: string;
  department: string | null;
  givenNames?: string | null;
  familyNames?: string | null;
}

const HEADERS = {
  es: ['Código', 'Fecha de identificación', 'Estado', 'Tipo de trata', 'Rango de edad', 'Finalidades', 'Institución', 'Departamento'],
  en: ['Code', 'Identified on', 'Status', 'Scope', 'Age band', 'Purposes', 'Institution', 'Department'],
};
const NAME_HEADERS = { es: ['Nombres', 'Apellidos'], en: ['Given names', 'Family names'] };

type Lang = 'es' | 'en';

function label(list: { labels: Record<string, { es: string; en: string }> }, code: string | null, lang: Lang): string {
  return code ? (list.labels[code]?.[lang] ?? code) : '';
}

/** The cells of one row, every text cell neutralised against formula injection. */
export function exportCells(row: ExportCaseRow, identified: boolean, lang: Lang): (string | number)[] {
  const cells = [
    row.code,
    row.identifiedOn,
    label(CASE_STATUS, row.status, lang),
    label(CASE_SCOPE, row.scope, lang),
    label(AGE_BAND, row.ageBand, lang),
    row.purposes.map((p) => label(EXPLOITATION_PURPOSE, p, lang)).join('; '),
    row.institution,
    row.department ?? '',
    ...(identified ? [row.givenNames ?? '', row.familyNames ?? ''] : []),
  ];
  return cells.map((c) => safeCell(c));
}

export function exportHeaders(identified: boolean, lang: Lang): string[] {
  return [...HEADERS[lang], ...(identified ? NAME_HEADERS[lang] : [])];
}

/**
 * Writes an export file a chunk of rows at a time, so a background export of a million cases never holds every row's
 * cells nor a whole workbook in memory: CSV text is encoded per chunk, and XLSX goes through exceljs's streaming
 * writer (each row committed as it is added, the zip compressed as it goes), so only the finished file's bytes stay.
 */
export class ExportFileWriter {
  private readonly parts: Buffer[] = [];
  private readonly workbook?: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet?: ExcelJS.Worksheet;

  constructor(
    private readonly format: ExportFormat,
    headers: string[],
  ) {
    if (format === 'csv') {
      // A byte-order mark so that spreadsheets read the accents as UTF-8.
      this.parts.push(Buffer.from(`\uFEFF${Papa.unparse([headers], { newline: '\r\n' })}\r\n`, 'utf8'));
      return;
    }
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => this.parts.push(chunk));
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'Ruta';
    this.sheet = this.workbook.addWorksheet('Casos');
    const header = this.sheet.addRow(headers);
    header.font = { bold: true };
    header.commit();
  }

  add(rows: (string | number)[][]): void {
    if (this.format === 'csv') {
      if (rows.length) this.parts.push(Buffer.from(`${Papa.unparse(rows, { newline: '\r\n' })}\r\n`, 'utf8'));
      return;
    }
    for (const row of rows) this.sheet!.addRow(row).commit();
  }

  async finish(): Promise<Buffer> {
    if (this.workbook) await this.workbook.commit();
    return Buffer.concat(this.parts);
  }
}

export async function buildExportFile(format: ExportFormat, headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const writer = new ExportFileWriter(format, headers);
  writer.add(rows);
  return writer.finish();
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
