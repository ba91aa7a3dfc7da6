import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { resolveSecretKey } from '../config/secret-key';
import { runCli, withOwnerDatabase } from '../database/cli-database';
import { fieldKeyStates, loadFieldCipher, verifyFields } from './field-keys';

const say = (line: string) => process.stdout.write(`[ruta] ${line}\n`);

/**
 * `npm run keys:verify`: unwraps the field data keys under RUTA_SECRET_KEY and opens every encrypted field (owner
 * connection, read only). Exits 1 when a key does not unwrap or a value does not open (naming the column and the row
 * keys, never the content), or when a value is still in clear text (start Ruta once: its start-up step encrypts it).
 */
async function main(): Promise<number> {
  const masterKey = resolveSecretKey(loadConfig());
  const [results, keys] = await withOwnerDatabase(async (manager) => [await verifyFields(manager, await loadFieldCipher(manager, masterKey)), await fieldKeyStates(manager)] as const);
  let bad = 0;
  for (const r of results) {
    say(`${r.column}: ${r.opened} open${r.clear ? `, ${r.clear} still in clear text` : ''}${r.failed.length ? `, ${r.failed.length} do not open (rows ${r.failed.slice(0, 10).join(', ')}${r.failed.length > 10 ? ', …' : ''})` : ''}`);
    bad += r.failed.length + r.clear;
  }
  // Per data key: how many values it holds (a key retired by a data-key rotation holds none; one that does is reported).
  for (const key of keys) {
    const values = results.reduce((n, r) => n + (r.byKey[key.id] ?? 0), 0);
    if (key.state === 'retired' && values) bad += values;
    say(`key ${key.id} (${key.purpose}, generation ${key.generation}, ${key.state}): ${values} values${key.state === 'retired' && values ? ' — a retired key still in use' : ''}`);
  }
  say(bad ? `${bad} encrypted fields need attention` : `Every encrypted field opens under the key in use`);
  return bad ? 1 : 0;
}

runCli(main);
