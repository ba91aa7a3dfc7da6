import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * AES-256-GCM with a random 96-bit IV: the one primitive of the platform's keys (sealed secrets, wrapped data keys,
 * encrypted fields). `aad` is authenticated, not stored: opening with another `aad` fails.
 */
export function gcmSeal(key: Buffer, plain: Buffer, aad?: Buffer): { iv: Buffer; tag: Buffer; body: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), body };
}

/** Throws when the key, the `aad` or any byte is not the sealing one. */
export function gcmOpen(key: Buffer, sealed: { iv: Buffer; tag: Buffer; body: Buffer }, aad?: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.body), decipher.final()]);
}

/** Seals short secrets (TOTP seeds) with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The secret key must be 32 bytes');
  }

  seal(plain: string): string {
    const { iv, tag, body } = gcmSeal(this.key, Buffer.from(plain, 'utf8'));
    return [VERSION, iv, tag, body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** Throws when the value was not sealed with this key or was altered. */
  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || !body) throw new Error('Not a sealed secret');
    const parts = { iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), body: Buffer.from(body, 'base64url') };
    return gcmOpen(this.key, parts).toString('utf8');
  }
}

export const SECRET_BOX = Symbol('SECRET_BOX');
