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

export async function buildExportFile(format: ExportFormat, headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  if (format === 'csv') {
    // A byte-order mark so that spreadsheets read the accents as UTF-8.
    return Buffer.from(`\uFEFF${Papa.unparse({ fields: headers, data: rows }, { newline: '\r\n' })}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ruta';
  const sheet = workbook.addWorksheet('Casos');
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
