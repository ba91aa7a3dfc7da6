import { CaseDocumentContentType } from '@ruta/shared';

const SIGNATURES: { type: CaseDocumentContentType; extension: string; bytes: number[] }[] = [
  { type: 'application/pdf', extension: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', extension: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

/** The document type from its first bytes (the name and the browser's claim are ignored), or null if not accepted. */
export function sniffContentType(content: Buffer): CaseDocumentContentType | null {
  return SIGNATURES.find((s) => content.length >= s.bytes.length && s.bytes.every((b, i) => content[i] === b))?.type ?? null;
}

export function extensionOf(type: CaseDocumentContentType): string {
  return SIGNATURES.find((s) => s.type === type)!.extension;
}
