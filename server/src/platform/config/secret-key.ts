import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RutaConfig } from './config';

/**
 * The server's 32-byte key: RUTA_SECRET_KEY when set (always in production), otherwise a random key kept in
 * RUTA_DATA_DIR/secret-key (created on first use), so development and demo databases keep working across restarts.
 */
export function resolveSecretKey(config: RutaConfig): Buffer {
  if (config.RUTA_SECRET_KEY) return Buffer.from(config.RUTA_SECRET_KEY, 'hex');
  const dir = resolve(config.RUTA_DATA_DIR);
  const file = join(dir, 'secret-key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
