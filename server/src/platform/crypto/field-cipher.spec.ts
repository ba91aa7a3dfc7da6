import { randomBytes } from 'node:crypto';
import { activeFieldCipher, encryptedBytes, encryptedText, FieldCipher, FieldDecryptionError, installFieldCipher } from './field-cipher';
import { rewrapFieldKeys, unwrapDataKey, wrapDataKey } from './field-keys';
import { KeyRotationError } from './key-rotation';

const cipherWith = (keys: [number, Buffer][], current: [string, number][]) => new FieldCipher(new Map(keys), new Map(current));

describe('FieldCipher', () => {
  const key = randomBytes(32);
  const cipher = cipherWith([[7, key]], [['victims', 7], ['case_documents', 7]]);

  it('opens what it encrypted, never encrypts the same way twice, and shows nothing of the clear text', () => {
    const a = cipher.encryptText('victims', 'phone', '+57 300 123 4567');
    const b = cipher.encryptText('victims', 'phone', '+57 300 123 4567');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^enc:[A-Za-z0-9_-]+$/);
    expect(Buffer.from(a.slice(4), 'base64url').toString('latin1')).not.toContain('300 123 4567');
    expect(cipher.decryptText('victims', 'phone', a)).toBe('+57 300 123 4567');
    expect(cipher.decryptText('victims', 'phone', cipher.encryptText('victims', 'phone', ''))).toBe('');
    const file = randomBytes(1000);
    const stored = cipher.encryptBytes('case_documents', 'content', file);
    expect(stored.subarray(0, 6)).toEqual(Buffer.from([0xef, 0x01, 0, 0, 0, 7]));
    expect(cipher.decryptBytes('case_documents', 'content', stored)).toEqual(file);
    expect(FieldCipher.keyIdOf(a)).toBe(7);
    expect(FieldCipher.keyIdOf('clear text')).toBeNull();
  });

  it('refuses a value with any byte altered, or its key id changed', () => {
    const stored = cipher.encryptBytes('case_documents', 'content', Buffer.from('%PDF-1.4 secret'));
    for (const at of [1, 5, 6, 20, 30, stored.length - 1]) {
      const altered = Buffer.from(stored);
      altered[at] ^= 0x01;
      expect(() => cipher.decryptBytes('case_documents', 'content', altered)).toThrow(FieldDecryptionError);
    }
    expect(() => cipher.decryptText('victims', 'phone', '3001234567')).toThrow('An encrypted value of victims.phone does not open: not an encrypted value');
  });

  it('refuses a value moved to another column or table (the column is authenticated)', () => {
    const email = cipher.encryptText('victims', 'email', 'ana@example.org');
    expect(() => cipher.decryptText('victims', 'phone', email)).toThrow('An encrypted value of victims.phone does not open: altered, or written for another column');
    expect(() => cipher.decryptText('victim_locations', 'email', email)).toThrow(FieldDecryptionError);
  });

  it('refuses a value under an unknown key, and one written under another key with the same id', () => {
    const stored = cipher.encryptText('victims', 'phone', '3001234567');
    expect(() => cipherWith([[8, key]], [['victims', 8]]).decryptText('victims', 'phone', stored)).toThrow('unknown field key 7');
    expect(() => cipherWith([[7, randomBytes(32)]], [['victims', 7]]).decryptText('victims', 'phone', stored)).toThrow(FieldDecryptionError);
    expect(() => cipherWith([[7, key]], []).encryptText('victims', 'phone', 'x')).toThrow(/No field key for victims/);
  });

  it('never puts the value in an error message', () => {
    const stored = cipher.encryptText('victims', 'phone', 'secret-value');
    try {
      cipher.decryptText('victims', 'email', stored);
      throw new Error('opened');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('secret-value');
      expect(String((error as Error).message)).not.toContain(stored);
    }
  });

  it('serves the entity transformers once installed, leaving nulls alone', () => {
    installFieldCipher(cipher);
    const text = encryptedText('victims', 'phone');
    const stored = text.to('3001234567');
    expect(stored).toMatch(/^enc:/);
    expect(text.from(stored)).toBe('3001234567');
    expect(text.to(null)).toBeNull();
    expect(text.from(null)).toBeNull();
    const bytes = encryptedBytes('case_documents', 'content');
    expect(bytes.from(bytes.to(Buffer.from('abc')))).toEqual(Buffer.from('abc'));
    expect(activeFieldCipher()).toBe(cipher);
  });

  it('reads a clear value written past the entities as it is, but never a broken encrypted one', () => {
    installFieldCipher(cipher);
    const text = encryptedText('victims', 'phone');
    expect(text.from('3001234567')).toBe('3001234567');
    expect(() => text.from(cipher.encryptText('victims', 'email', '3001234567'))).toThrow(FieldDecryptionError);
    const bytes = encryptedBytes('case_documents', 'content');
    expect(bytes.from(Buffer.from('%PDF-1.4'))).toEqual(Buffer.from('%PDF-1.4'));
    const stored = cipher.encryptBytes('case_documents', 'content', Buffer.from('%PDF-1.4'));
    stored[stored.length - 1] ^= 1;
    expect(() => bytes.from(stored)).toThrow(FieldDecryptionError);
  });
});

describe('wrapped data keys', () => {
  const [master, other, dataKey] = [randomBytes(32), randomBytes(32), randomBytes(32)];

  it('unwrap only under the master key and for the purpose they were wrapped for', () => {
    const wrapped = wrapDataKey(master, 'victims', dataKey);
    expect(wrapped).toMatch(/^fk1\./);
    expect(wrapped).not.toContain(dataKey.toString('base64url'));
    expect(unwrapDataKey(master, 'victims', wrapped)).toEqual(dataKey);
    expect(() => unwrapDataKey(other, 'victims', wrapped)).toThrow();
    expect(() => unwrapDataKey(master, 'case_notes', wrapped)).toThrow();
  });

  it('are re-wrapped under the new master key, only once, and a key under neither refuses the rotation', async () => {
    const rows = [{ id: 1, purpose: 'victims', wrapped: wrapDataKey(master, 'victims', dataKey), masterFingerprint: 'x' }];
    const db = {
      query: jest.fn(async (sql: string, params?: unknown[]) => {
        if (sql.startsWith('SELECT')) return rows.map((r) => ({ ...r }));
        rows[0].wrapped = params![1] as string;
        return [];
      }),
    };
    expect(await rewrapFieldKeys(db, master, other)).toEqual({ rewrapped: 1, alreadyNew: 0 });
    expect(unwrapDataKey(other, 'victims', rows[0].wrapped)).toEqual(dataKey);
    expect(await rewrapFieldKeys(db, master, other)).toEqual({ rewrapped: 0, alreadyNew: 1 });
    await expect(rewrapFieldKeys(db, randomBytes(32), randomBytes(32))).rejects.toThrow(KeyRotationError);
  });
});
