import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and never seals the same way twice', () => {
    const a = box.seal('KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD');
    const b = box.seal('KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD');
    expect(a).not.toBe(b);
    expect(a).not.toContain('KVKFKRCP');
    expect(box.open(a)).toBe('KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD');
    expect(a.length).toBeLessThanOrEqual(160);
  });

  it('refuses a value sealed with another key or altered', () => {
    const sealed = box.seal('secret');
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => box.open('plain-text')).toThrow(/Not a sealed secret/);
  });
});
