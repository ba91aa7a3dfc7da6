import { randomBytes } from 'node:crypto';
import { keyPrefix } from './data-key-rotation';
import { FieldCipher } from './field-cipher';

describe('data-key rotation', () => {
  const cipher = new FieldCipher(
    new Map([
      [1, randomBytes(32)],
      [300, randomBytes(32)],
    ]),
    new Map([['case_notes', 1]]),
  );

  it('names a key by the stored prefix of its values: enc: and 8 base64url characters, or the 6-byte header', () => {
    for (const keyId of [1, 300]) {
      const writer = cipher.writingUnder('case_notes', keyId);
      const text = writer.encryptText('case_notes', 'body', 'Nota reservada');
      expect(text.slice(0, 12)).toBe(keyPrefix('text', keyId));
      expect(FieldCipher.keyIdOf(text)).toBe(keyId);
      const bytes = writer.encryptBytes('case_notes', 'body', Buffer.from('%PDF'));
      expect(bytes.subarray(0, 6)).toEqual(keyPrefix('bytes', keyId));
    }
    expect(keyPrefix('text', 1)).not.toBe(keyPrefix('text', 300));
  });

  it('writes under the new key while every key still opens what it wrote', () => {
    const old = cipher.encryptText('case_notes', 'body', 'antes');
    const writer = cipher.writingUnder('case_notes', 300);
    const renewed = writer.encryptText('case_notes', 'body', writer.decryptText('case_notes', 'body', old));
    expect(FieldCipher.keyIdOf(old)).toBe(1);
    expect(FieldCipher.keyIdOf(renewed)).toBe(300);
    expect(cipher.decryptText('case_notes', 'body', renewed)).toBe('antes');
    // Only that table changes its key.
    expect(() => writer.encryptText('victims', 'phone', 'x')).toThrow(/No field key for victims/);
    expect(() => cipher.writingUnder('case_notes', 7)).toThrow('No field key 7');
  });
});
