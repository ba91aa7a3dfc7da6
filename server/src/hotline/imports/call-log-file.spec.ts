import { PassThrough } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { CallLogRecord, countCallLogRows, readCallLog } from './call-log-file';

async function chunksOf(fileName: string, content: Buffer, rows: number, csvSlice?: number): Promise<CallLogRecord[][]> {
  const chunks: CallLogRecord[][] = [];
  for await (const chunk of readCallLog(fileName, content, rows, csvSlice)) chunks.push(chunk);
  return chunks;
}

/** The rows as the import read them before it streamed: the whole text parsed at once. */
function wholeCsv(text: string): CallLogRecord[] {
  return Papa.parse<CallLogRecord>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() }).data;
}

describe('a CSV call log read chunk by chunk', () => {
  // Quoted separators, quotes and line breaks; accents and a character outside the BMP, so that slices of 997 bytes
  // split characters, fields and rows; a BOM, CRLF and blank lines.
  const lines = [' fecha ;canal;resumen'];
  for (let i = 0; i < 3000; i++) {
    lines.push(`2024-01-${String(1 + (i % 28)).padStart(2, '0')} 10:00;Teléfono;"Llamada ${i}; con punto y coma,\nsalto de línea, ""comillas"" y 📞"`);
    if (i % 500 === 0) lines.push('', ' ');
  }
  const text = `\uFEFF${lines.join('\r\n')}\r\n\r\n`;
  const content = Buffer.from(text, 'utf8');

  it('gives the rows of one whole pass, in chunks of the size asked for, however the text is sliced', async () => {
    const expected = wholeCsv(text);
    expect(expected).toHaveLength(3000);
    expect(expected[2999]).toEqual({ fecha: '2024-01-04 10:00', canal: 'Teléfono', resumen: 'Llamada 2999; con punto y coma,\nsalto de línea, "comillas" y 📞' });
    for (const slice of [997, 1 << 20]) {
      const chunks = await chunksOf('log.csv', content, 700, slice);
      expect(chunks.map((c) => c.length)).toEqual([700, 700, 700, 700, 200]);
      expect(chunks.flat()).toEqual(expected);
    }
    expect(await countCallLogRows('log.csv', content)).toBe(3000);
  });

  it('parses quotes, commas inside a field and a BOM, and counts a file without rows as none', async () => {
    expect(await chunksOf('log.csv', Buffer.from('\uFEFFfecha,resumen\n2024-01-01,"uno, dos"\n\n', 'utf8'), 10)).toEqual([[{ fecha: '2024-01-01', resumen: 'uno, dos' }]]);
    expect(await chunksOf('log.csv', Buffer.from('fecha,resumen\n', 'utf8'), 10)).toEqual([]);
    expect(await countCallLogRows('log.csv', Buffer.alloc(0))).toBe(0);
  });

  it('lets the event loop turn between two chunks', async () => {
    // A macrotask queued before each chunk is asked for has run by the time that chunk arrives (no timing involved).
    const turned: boolean[] = [];
    const chunks = readCallLog('log.csv', content, 500);
    for (;;) {
      let ran = false;
      setImmediate(() => (ran = true));
      const next = await chunks.next();
      if (next.done) break;
      turned.push(ran);
    }
    expect(turned).toHaveLength(6);
    expect(turned.slice(1)).toEqual([true, true, true, true, true]);
  });
});

/** The names of the zip's entries in the order they are stored. */
async function zipOrder(content: Buffer): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(content)).files);
}

describe('an XLSX call log read chunk by chunk', () => {
  // exceljs's reader writes a worksheet that comes before the shared strings to a temporary file, in clear (the tmp
  // package has no types; `file` is all the spy needs of it).
  const tmp = jest.requireActual<{ file: () => void }>('tmp');
  let tempFiles: jest.SpyInstance;
  beforeEach(() => (tempFiles = jest.spyOn(tmp, 'file')));
  afterEach(() => {
    expect(tempFiles).not.toHaveBeenCalled();
    tempFiles.mockRestore();
  });

  it('gives the first sheet by its row-1 header, as text, skipping rows without values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Registro');
    sheet.addRow([' fecha ', 'canal', 'duracion', 'total', 'enlace', 'vacía']);
    sheet.addRow([new Date('2024-03-05T19:30:00Z'), 'Teléfono', 120, { formula: 'C2*2', result: 240 }, { text: 'ver', hyperlink: 'https://example.org' }, null]);
    sheet.addRow(['2024-03-06 08:00', 'WhatsApp', 60]);
    sheet.addRow([]);
    sheet.getRow(5).values = ['2024-03-07 09:15', 'correo, "citado"'];
    sheet.addRow(['2024-03-08 10:00', 'web_form']);
    workbook.addWorksheet('Otra').addRow(['no', 'leída']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    // As Excel saves them, the worksheets come before the shared strings.
    const order = await zipOrder(content);
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));

    const chunks = await chunksOf('log.xlsx', content, 2);
    expect(chunks.map((c) => c.length)).toEqual([2, 2]);
    expect(chunks.flat()).toEqual([
      { fecha: '2024-03-05T19:30:00.000Z', canal: 'Teléfono', duracion: '120', total: '240', enlace: 'ver', vacía: '' },
      { fecha: '2024-03-06 08:00', canal: 'WhatsApp', duracion: '60', total: '', enlace: '', vacía: '' },
      { fecha: '2024-03-07 09:15', canal: 'correo, "citado"', duracion: '', total: '', enlace: '', vacía: '' },
      { fecha: '2024-03-08 10:00', canal: 'web_form', duracion: '', total: '', enlace: '', vacía: '' },
    ]);
    expect(await countCallLogRows('log.xlsx', content)).toBe(4);
  });

  it('reads a workbook whose text is inline, without shared strings', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Registro').addRows([['fecha', 'canal'], ['2024-03-06 08:00', 'WhatsApp']]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    // Its strings go inline into the sheet and its shared strings away.
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/<c r="(\w+)" t="s"><v>(\d+)<\/v><\/c>/g, (_, ref: string, i: string) => `<c r="${ref}" t="inlineStr"><is><t>${['fecha', 'canal', '2024-03-06 08:00', 'WhatsApp'][Number(i)]}</t></is></c>`);
    expect(sheet).not.toContain('t="s"');
    zip.file('xl/worksheets/sheet1.xml', sheet).remove('xl/sharedStrings.xml');
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

    expect(await chunksOf('log.xlsx', content, 10)).toEqual([[{ fecha: '2024-03-06 08:00', canal: 'WhatsApp' }]]);
  });
});

describe('a 30 MB call log', () => {
  // The collector, to measure what is held rather than what is not yet collected (jest does not expose it by itself).
  const gc = global.gc ?? (setFlagsFromString('--expose-gc'), runInNewContext('gc') as () => void);
  const heapMb = (): number => {
    gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };

  /** A call log like the API test's: 150,000 rows of about 200 bytes, built a slice at a time. */
  function largeLog(rows: number): Buffer {
    const parts: Buffer[] = [Buffer.from('fecha;duracion;canal;quien;tipo;departamento;municipio;pais;finalidad;urgencia;consentimiento;telefono;resumen', 'utf8')];
    for (let from = 0; from < rows; from += 10_000) {
      const lines: string[] = [''];
      for (let i = from; i < Math.min(rows, from + 10_000); i++) {
        const date = `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
        lines.push(`${date};${60 + (i % 900)};Teléfono;Familiar;Denuncia o información sobre un caso;11;11001;;Explotación sexual|trabajos forzados;Ordinaria;sí;310${1_000_000 + (i % 20_000)};"Llamada histórica número ${i}; orientación dada"`);
      }
      parts.push(Buffer.from(lines.join('\r\n'), 'utf8'));
    }
    return Buffer.concat(parts);
  }

  /**
   * A log like it as an XLSX, saved by exceljs's streaming writer with shared strings: the sheet before them, as Excel
   * saves it. 20,000 summaries are shared; eight references per call are random numbers, which no compression shrinks,
   * so that the file is as large as a large upload (~22 MB).
   */
  async function largeWorkbook(rows: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    const stream = new PassThrough().on('data', (part: Buffer) => parts.push(part));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
    const sheet = workbook.addWorksheet('Registro');
    const references = Array.from({ length: 8 }, (_, k) => `ref${k + 1}`);
    sheet.addRow(['fecha', 'duracion', 'canal', 'quien', 'tipo', 'departamento', 'municipio', 'pais', 'finalidad', 'urgencia', 'consentimiento', 'telefono', 'resumen', ...references]).commit();
    let random = 12_345;
    for (let i = 0; i < rows; i++) {
      random = (Math.imul(random, 1_103_515_245) + 12_345) >>> 0;
      const date = `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00`;
      const summary = `Llamada histórica número ${i % 20_000}; orientación dada`;
      const numbers = references.map((_, k) => Math.imul(random + k, 2_654_435_761) >>> 0);
      sheet.addRow([date, 60 + (i % 900), 'Teléfono', 'Familiar', 'Denuncia', '11', '11001', '', 'Explotación sexual', 'Ordinaria', 'sí', `310${random % 10_000_000}`, summary, ...numbers]).commit();
    }
    sheet.commit();
    await workbook.commit();
    return Buffer.concat(parts);
  }

  /** The most heap held above the start while the file is read, as the job reads it. */
  async function peakHeapMb(fileName: string, content: Buffer, rows: number): Promise<number> {
    const start = heapMb();
    let peak = 0;
    let read = 0;
    let previous: CallLogRecord[] = [];
    for await (const chunk of readCallLog(fileName, content, 5_000)) {
      read += chunk.length;
      peak = Math.max(peak, heapMb() - start);
      previous = chunk; // the job holds the chunk being inserted while it reads the next
    }
    expect(previous).toHaveLength(5_000);
    expect(read).toBe(rows);
    return peak;
  }

  it('is read with the heap bounded by a chunk or two, not by the file', async () => {
    const content = largeLog(150_000);
    expect(content.length).toBeGreaterThan(29 * 2 ** 20);
    // Holding all 150,000 records takes ~156 MB; a chunk of 5,000 about 5 MB.
    expect(await peakHeapMb('large.csv', content, 150_000)).toBeLessThan(60);
  }, 120_000);

  it('as an XLSX, is read with the heap bounded by a chunk or two and its shared strings, and nothing on disk', async () => {
    const content = await largeWorkbook(150_000);
    expect(content.length).toBeGreaterThan(20 * 2 ** 20);
    const order = await zipOrder(content);
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    const tempFiles = jest.spyOn(jest.requireActual<{ file: () => void }>('tmp'), 'file');
    try {
      expect(await peakHeapMb('large.xlsx', content, 150_000)).toBeLessThan(60);
      expect(tempFiles).not.toHaveBeenCalled();
    } finally {
      tempFiles.mockRestore();
    }
  }, 120_000);
});
