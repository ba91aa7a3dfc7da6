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
  return readCsv(content.toString('utf8').replace(/^\uFEFF/, ''));
}

/** Characters parsed between two yields to the event loop (about 8,000 rows of a typical log). */
export const CSV_SLICE = 1 << 20;

/**
 * papaparse over the text a slice at a time, pausing after each one until the event loop has turned: a 30 MB file
 * takes seconds to parse, and the instance keeps answering its requests meanwhile.
 */
export function readCsv(text: string, slice = CSV_SLICE): Promise<CallLogTable> {
  return new Promise((resolve, reject) => {
    const records: Record<string, string>[] = [];
    let columns: string[] = [];
    Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: 'greedy',
      transformHeader: (h) => h.trim(),
      chunkSize: slice,
      chunk: (results: Papa.ParseResult<Record<string, string>>, parser: Papa.Parser) => {
        for (const record of results.data) records.push(record);
        columns = results.meta.fields ?? columns;
        parser.pause();
        setImmediate(() => parser.resume());
      },
      complete: () => resolve({ columns, records }),
      error: (error: Error) => reject(error),
    });
  });
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
