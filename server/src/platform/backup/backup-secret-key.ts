import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RutaConfig } from '../config/config';
import { keyFingerprint } from './backup-format';

/** Where this installation's secret key comes from, and its fingerprint; nothing is created. */
export function installedSecretKey(config: RutaConfig): { source: string; fingerprint?: string } {
  if (config.RUTA_SECRET_KEY) return { source: 'RUTA_SECRET_KEY', fingerprint: keyFingerprint(Buffer.from(config.RUTA_SECRET_KEY, 'hex')) };
  const file = join(resolve(config.RUTA_DATA_DIR), 'secret-key');
  if (!existsSync(file)) return { source: file };
  return { source: file, fingerprint: keyFingerprint(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')) };
}
