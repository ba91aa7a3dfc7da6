import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

authenticator.options = { window: 1, step: 30, digits: 6 };

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of a real verification, so an unknown email answers as slowly as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}


/** A password an administrator hands over once; the user must change it at first login. */
export function temporaryPassword(): string {
  return `tmp-${randomBytes(12).toString('base64url')}`;
}

const TOTP_STEP_SECONDS = 30;

export const totp = {
  newSecret: () => authenticator.generateSecret(20),
  /**
   * The time step a six-digit code belongs to (current step ± 1 for clock drift), or null when it is not valid now.
   * Callers refuse a step not newer than the last one accepted, so an observed code cannot be replayed.
   */
  step: (secret: string, code: string, now = Date.now()): number | null => {
    if (!/^\d{6}$/.test(code)) return null;
    const delta = authenticator.checkDelta(code, secret);
    return delta === null ? null : Math.floor(now / 1000 / TOTP_STEP_SECONDS) + delta;
  },
  generate: (secret: string) => authenticator.generate(secret),
  uri: (email: string, secret: string) => authenticator.keyuri(email, 'Ruta', secret),
  qrDataUrl: (uri: string) => QRCode.toDataURL(uri, { margin: 1, width: 220 }),
};

/** Ten single-use recovery codes, e.g. `7k2m-9xqp-4hdt`. Only their SHA-256 is stored. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.trim().toLowerCase();
}
