import { CASE_DOCUMENT_MAX_BYTES } from '@ruta/shared';
import { checkDocumentFile } from './document-file';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('checkDocumentFile', () => {
  it('accepts a PDF, a JPEG and a PNG by their first bytes', async () => {
    expect(await checkDocumentFile(new Blob(['%PDF-1.4 test']))).toBeNull();
    expect(await checkDocumentFile(new Blob([bytes(0xff, 0xd8, 0xff, 0xe0, 1, 2)]))).toBeNull();
    expect(await checkDocumentFile(new Blob([bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)]))).toBeNull();
  });

  it('refuses a program renamed .pdf', async () => {
    const exe = new File([bytes(0x4d, 0x5a, 0x90, 0, 3)], 'consentimiento.pdf', { type: 'application/pdf' });
    expect(await checkDocumentFile(exe)).toBe('unsupported_type');
  });

  it('refuses a file over 10 MB and an empty one', async () => {
    expect(await checkDocumentFile(new Blob([new Uint8Array(CASE_DOCUMENT_MAX_BYTES + 1)]))).toBe('maxSize');
    expect(await checkDocumentFile(new Blob([]))).toBe('empty_file');
  });
});
