import { Inject, Injectable } from '@nestjs/common';
import { createHmac, hkdfSync } from 'node:crypto';
import { resolveSecretKey, RUTA_CONFIG, RutaConfig, SECRET_BOX, SecretBox } from '@ruta/platform';

/** The caller's number as digits only, with Colombia's country code, so `+57 300 123 4567` and `3001234567` match. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[^0-9]/g, '');
  if (digits.length < 6 || digits.length > 15) return null;
  return digits.length === 10 && digits.startsWith('3') ? `57${digits}` : digits;
}

/**
 * The caller's number at rest: sealed with AES-256-GCM under the server key (the same SecretBox as TOTP secrets and
 * drafts), and an HMAC-SHA-256 under a key derived from it (HKDF, its own label) beside it, so that repeat callers are
 * found by an indexed equality without the number being readable in the database, its backups or the logs.
 */
@Injectable()
export class CallerPhone {
  private readonly hashKey: Buffer;

  constructor(
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(RUTA_CONFIG) config: RutaConfig,
  ) {
    this.hashKey = Buffer.from(hkdfSync('sha256', resolveSecretKey(config), Buffer.alloc(0), 'ruta hotline caller phone v1', 32));
  }

  /** The keyed hash of a normalised number. */
  hash(normalised: string): string {
    return createHmac('sha256', this.hashKey).update(normalised).digest('hex');
  }

  /** Sealed number and its hash, or nulls for no number. Throws nothing: an invalid number is the DTO's concern. */
  protect(raw: string | undefined | null): { phoneSealed: string | null; phoneHash: string | null } {
    const normalised = raw ? normalisePhone(raw) : null;
    if (!normalised) return { phoneSealed: null, phoneHash: null };
    return { phoneSealed: this.box.seal(normalised), phoneHash: this.hash(normalised) };
  }
}
