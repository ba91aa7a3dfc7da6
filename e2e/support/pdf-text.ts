import { inflateSync } from 'node:zlib';

/** The characters where Windows-1252 (the standard fonts' WinAnsi encoding) differs from Latin-1. */
const WIN_ANSI: Record<number, string> = { 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x85: '…', 0x95: '•', 0x80: '€' };

function winAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');
}

/**
 * The text a PDF made by pdfmake / PDFKit shows, in reading order: every FlateDecode stream inflated (pdfmake
 * compresses them), the hex strings of its text operators (`[<..> kerning <..>] TJ`, `<..> Tj`) decoded from WinAnsi and
 * joined (PDFKit writes one word with its trailing space per operator; the last word of a line has none, so a wrapped
 * sentence loses a space there: compare with `squashed`).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a compressed stream (an image, a font)
    }
    for (const op of body.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const strings = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [op[2]];
      lines.push(strings.map((h) => winAnsi(Buffer.from(h, 'hex'))).join(''));
    }
  }
  return lines.join('');
}

/** Text without any white space: what a wrapped line and the sentence it came from have in common. */
export const squashed = (text: string): string => text.replace(/\s+/g, '');
