import { CASE_DOCUMENT_CONTENT_TYPES, CASE_DOCUMENT_MAX_BYTES } from '@ruta/shared';

const SIGNATURES: { type: (typeof CASE_DOCUMENT_CONTENT_TYPES)[number]; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/**
 * Checks a file before upload, as the server will: at most 10 MB, and a PDF, JPEG or PNG by its first bytes (not its
 * name). Returns the error code (translated as `errors.<code>`) or null. The server checks again; this only saves a trip.
 */
export async function checkDocumentFile(file: Blob): Promise<'maxSize' | 'unsupported_type' | 'empty_file' | null> {
  if (file.size === 0) return 'empty_file';
  if (file.size > CASE_DOCUMENT_MAX_BYTES) return 'maxSize';
  const head = new Uint8Array(await readHead(file, 8));
  const known = SIGNATURES.some((s) => s.bytes.every((byte, i) => head[i] === byte));
  return known ? null : 'unsupported_type';
}

function readHead(file: Blob, length: number): Promise<ArrayBuffer> {
  const slice = file.slice(0, length);
  if (typeof slice.arrayBuffer === 'function') return slice.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(slice);
  });
}
