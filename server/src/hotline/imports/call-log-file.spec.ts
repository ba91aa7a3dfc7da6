import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
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
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    await chunksOf('log.csv', content, 500);
    clearInterval(counting);
    expect(turns).toBeGreaterThan(3);
  });
});

describe('an XLSX call log read chunk by chunk', () => {
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

  it('is read with the heap bounded by a chunk or two, not by the file', async () => {
    const rows = 150_000;
    const content = largeLog(rows);
    expect(content.length).toBeGreaterThan(29 * 2 ** 20);
    const start = heapMb();
    let peak = 0;
    let read = 0;
    let previous: CallLogRecord[] = [];
    for await (const chunk of readCallLog('large.csv', content, 5_000)) {
      read += chunk.length;
      peak = Math.max(peak, heapMb() - start);
      previous = chunk; // the job holds the chunk being inserted while it reads the next
    }
    expect(previous).toHaveLength(5_000);
    expect(read).toBe(rows);
    // Holding all 150,000 records takes ~156 MB; a chunk of 5,000 about 5 MB.
    expect(peak).toBeLessThan(60);
  }, 120_000);
});
