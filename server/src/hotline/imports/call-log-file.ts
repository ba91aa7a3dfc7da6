import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';

/** One data row of a call log, by header name. */
export type CallLogRecord = Record<string, string>;

/** Bytes of a CSV decoded and parsed at a time (about 5,000 rows of a typical log). */
export const CSV_SLICE = 1 << 20;
/**
 * The parts exceljs's streaming reader must have read before a worksheet to parse it as it streams; a worksheet that
 * comes before them (as Excel and exceljs save them) it would write to a temporary file in clear, callers' numbers
 * and all, to parse at the end.
 */
const XLSX_PARTS_FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
/** What a workbook without shared strings (all its text inline) has instead, so that none of its sheets waits. */
const NO_SHARED_STRINGS = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

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

/**
 * The data rows of a CSV (papaparse: quotes, separators, a BOM) or of the first sheet of an XLSX (exceljs's streaming
 * reader), by header name, `chunkRows` at a time. The file is parsed only as far as the chunks are taken, so what is held
 * is the chunk at hand and the parser's current slice, never the whole table (150,000 rows take ~150 MB of heap); and
 * the event loop turns between two chunks, so the instance keeps answering its requests meanwhile.
 */
export async function* readCallLog(fileName: string, content: Buffer, chunkRows: number, csvSlice = CSV_SLICE): AsyncGenerator<CallLogRecord[]> {
  let chunk: CallLogRecord[] = [];
  for await (const record of /\.xlsx$/i.test(fileName) ? xlsxRecords(content) : csvRecords(content, csvSlice)) {
    chunk.push(record);
    if (chunk.length < chunkRows) continue;
    yield chunk;
    chunk = [];
    await nextTurn();
  }
  if (chunk.length) yield chunk;
}

/** How many data rows `readCallLog` gives, from a first pass over the file that keeps none of them. */
export async function countCallLogRows(fileName: string, content: Buffer): Promise<number> {
  let rows = 0;
  for await (const chunk of readCallLog(fileName, content, 5_000)) rows += chunk.length;
  return rows;
}

/**
 * papaparse over the file's text a slice at a time. The parser and its source pause after each slice until its rows
 * have been taken (an unpaused source would queue the rest of the file as text).
 */
async function* csvRecords(content: Buffer, slice: number): AsyncGenerator<CallLogRecord> {
  const source = Readable.from(utf8Slices(content, slice));
  let parser: Papa.Parser | undefined;
  let parsed: CallLogRecord[] | undefined;
  let ended = false;
  let failure: { error: Error } | undefined;
  let wake = (): void => undefined;
  Papa.parse<CallLogRecord, Readable>(source, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
    chunk: (results, handle) => {
      handle.pause();
      source.pause();
      parser = handle;
      parsed = results.data;
      wake();
    },
    complete: () => {
      ended = true;
      wake();
    },
    error: (error) => {
      failure = { error };
      wake();
    },
  });
  try {
    for (;;) {
      if (!parsed && !ended && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure.error;
      if (parsed) {
        const rows = parsed;
        parsed = undefined;
        yield* rows;
        parser?.resume();
        source.resume();
      } else if (ended) return;
    }
  } finally {
    source.destroy();
  }
}

/** The text without its BOM, a slice at a time; a character split between two slices is decoded whole in the second. */
function* utf8Slices(content: Buffer, slice: number): Generator<string> {
  const decoder = new StringDecoder('utf8');
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
  for (let at = bom; at < content.length; at += slice) {
    const text = decoder.write(content.subarray(at, at + slice));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The first sheet row by row, by the header of its row 1; rows without any value are skipped. */
async function* xlsxRecords(content: Buffer): AsyncGenerator<CallLogRecord> {
  const source = await readerOrdered(content);
  // Styles tell dates from numbers; shared strings hold the text of the cells.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const sheet of workbook) {
      let header: string[] = [];
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (row.number === 1) header = values.map((v) => cellText(v).trim());
        else if (row.hasValues) yield Object.fromEntries(header.map((h, i) => [h, cellText(values[i])]));
      }
      return;
    }
  } finally {
    source.destroy();
  }
}

/**
 * The same zip with `XLSX_PARTS_FIRST` at its head and the rest in its order, so that the reader parses every worksheet
 * as it streams and none goes to disk. Only the zip's directory is read: each entry is passed on still compressed, as
 * views of the upload (jszip passes on the compressed bytes of a part whose compression it keeps), so nothing of the
 * size of the file is added to what is held.
 */
async function readerOrdered(content: Buffer): Promise<Readable> {
  const zip = await JSZip.loadAsync(content);
  if (!zip.file('xl/sharedStrings.xml')) zip.file('xl/sharedStrings.xml', NO_SHARED_STRINGS);
  // jszip writes the entries in the order of its `files` object; an entry taken out and put back goes to its end.
  const rest = Object.keys(zip.files).filter((name) => !XLSX_PARTS_FIRST.includes(name));
  for (const name of [...XLSX_PARTS_FIRST, ...rest]) {
    const entry = zip.files[name];
    if (!entry) continue;
    delete zip.files[name];
    zip.files[name] = entry;
  }
  // jszip's stream is of the readable-stream package, which exceljs does not take as a stream.
  return new Readable().wrap(zip.generateNodeStream({ compression: 'DEFLATE', streamFiles: false }));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}
