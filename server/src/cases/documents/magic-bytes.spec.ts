import { extensionOf, sniffContentType } from './magic-bytes';

describe('document type sniffing', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n%...'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
  });

  it('refuses a Windows executable, whatever its name says', () => {
    expect(sniffContentType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull();
  });

  it('refuses empty, truncated and look-alike content', () => {
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
    expect(sniffContentType(Buffer.from('%PD'))).toBeNull();
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffContentType(Buffer.from('<html>%PDF-'))).toBeNull();
  });

  it('names the download extension from the sniffed type', () => {
    expect(extensionOf('image/jpeg')).toBe('jpg');
    expect(extensionOf('application/pdf')).toBe('pdf');
  });
});
