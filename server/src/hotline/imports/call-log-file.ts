import { gunzipSync, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface CallLogTable {
  columns: string[];
  records: Record<string, string>[];
}

/**
 * The uploaded file as it is sealed while it waits for the job: gzip (fastest level; a call log shrinks several times,
 * so the sealed value, its row and the job's read of it are that much smaller), then base64.
 */
export function packCallLog(file: Buffer): string {
  return gzipSync(file, { level: 1 }).toString('base64');
}

/** The file back from `packCallLog`; a value queued before files were compressed is the file's base64 itself. */
export function unpackCallLog(packed: string): Buffer {
  const bytes = Buffer.from(packed, 'base64');
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** The rows of a CSV (papaparse: quotes, separators, a BOM) or the first sheet of an XLSX (exceljs), by header name. */
export async function readCallLog(fileName: string, content: Buffer): Promise<CallLogTable> {
  if (/\.xlsx$/i.test(fileName)) return readXlsx(content);
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  return { columns: parsed.meta.fields ?? [], records: parsed.data };
}

async function readXlsx(content: Buffer): Promise<CallLogTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: [], records: [] };
  const text = (v: ExcelJS.CellValue): string => {
    if (v == null) return '';
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'object' && 'text' in v) return String(v.text);
    if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
    return String(v);
  };
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => text(v).trim());
  const records: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    records.push(Object.fromEntries(header.map((h, i) => [h, text(values[i])])));
  });
  return { columns: header, records };
}
