import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { resolveSecretKey } from '../config/secret-key';
import { withOwnerDatabase } from '../database/cli-database';
import { dataSourceOptions } from '../database/data-source-options';
import { prepareDatabase } from '../database/prepare-database';
import { describeStartupError } from '../database/start-up-errors';
import { keyFingerprint } from '../backup/backup-format';
import { rotateDataKeys } from './data-key-rotation';
import { FIELD_KEY_REFRESH_MS } from './field-encryption';
import { rewrapFieldKeys } from './field-keys';
import { KeyRotationError, parseKey, prepareAnchors, rotateSealedSecrets, SAME_KEY } from './key-rotation';

const say = (line: string) => process.stdout.write(`[ruta] ${line}\n`);

/**
 * `RUTA_OLD_SECRET_KEY=<key in use> RUTA_SECRET_KEY=<new key> npm run key:rotate`, with every instance stopped:
 * re-seals every sealed secret (TOTP secrets, intake drafts) under the new key in one transaction, then re-signs the
 * audit anchor file (AUDIT_ANCHOR_FILE) under it. The data keys of field encryption (`field_keys`) are re-wrapped under
 * the new key in the same transaction: only the key rows change, the encrypted fields stay as they are. Run again where another instance keeps its own anchor file: the
 * database part then finds everything under the new key already and changes nothing.
 */
async function main(): Promise<number> {
  if (process.argv.includes('--data-keys')) return rotateDataKeysOnline();
  const config = loadConfig();
  const oldKey = parseKey('RUTA_OLD_SECRET_KEY', process.env.RUTA_OLD_SECRET_KEY);
  const newKey = parseKey('RUTA_SECRET_KEY', config.RUTA_SECRET_KEY);
  if (oldKey.equals(newKey)) throw new KeyRotationError(SAME_KEY);
  const anchors = await prepareAnchors(config.auditAnchorFile, oldKey, newKey);
  let columns;
  let fieldKeys;
  try {
    [columns, fieldKeys] = await withOwnerDatabase(async (manager) => [
      await rotateSealedSecrets(manager, oldKey, newKey),
      await rewrapFieldKeys(manager, oldKey, newKey),
    ] as const);
  } catch (error) {
    await anchors?.discard();
    throw error;
  }
  const aside = await anchors?.commit();
  const [from, to] = [keyFingerprint(oldKey), keyFingerprint(newKey)];
  const resealed = columns.reduce((sum, c) => sum + c.resealed, 0);
  const already = columns.reduce((sum, c) => sum + c.alreadyNew, 0);
  say(
    `Re-sealed ${resealed} secrets from the key with fingerprint ${from} to the key with fingerprint ${to} in one transaction: ${columns
      .map((c) => `${c.column} ${c.resealed}`)
      .join(', ')}${already ? `; ${already} were under the new key already` : ''}`,
  );
  say(
    `Re-wrapped ${fieldKeys.rewrapped} field data keys under the new key${fieldKeys.alreadyNew ? `; ${fieldKeys.alreadyNew} were under it already` : ''} (the encrypted fields are unchanged; npm run keys:verify opens them all)`,
  );
  if (anchors) {
    say(
      `Audit anchors re-signed under the new key: ${anchors.resigned} lines in ${anchors.file}${anchors.alreadyNew ? `, ${anchors.alreadyNew} were already` : ''}; the old file is kept as ${aside}`,
    );
    if (anchors.invalid)
      say(`${anchors.invalid} lines of the anchor file were anchors under neither key: kept as they were, audit:verify names them`);
  } else say(`No audit anchor file at ${config.auditAnchorFile}: nothing to re-sign there`);
  say('Start every instance with the new RUTA_SECRET_KEY; an instance with its own AUDIT_ANCHOR_FILE: run this there too');
  say(
    `Backups taken before now need the old key (fingerprint ${from}) to open their sealed secrets (TOTP, drafts, callers' numbers): keep it with them`,
  );
  return 0;
}

/**
 * `npm run key:rotate -- --data-keys [--settle-seconds N]`, with the servers running: a new data key per table, every
 * encrypted value re-encrypted under it in keyset batches (one short transaction each), the old keys retired once
 * nothing uses them. Between its steps it waits for the servers to reload their keys (`--settle-seconds`, by default
 * two of their refresh intervals and a margin). Interrupted, it is run again and continues. RUTA_SECRET_KEY is the key
 * in use (only the data keys change).
 */
async function rotateDataKeysOnline(): Promise<number> {
  const config = loadConfig();
  const masterKey = resolveSecretKey(config);
  const at = process.argv.indexOf('--settle-seconds');
  const settleMs = at > 0 ? Number(process.argv[at + 1]) * 1000 : 2 * FIELD_KEY_REFRESH_MS + 5000;
  if (!Number.isFinite(settleMs) || settleMs < 0) throw new KeyRotationError('--settle-seconds takes a number of seconds');
  const database = await prepareDatabase(config, () => undefined, { reuseRunningEmbedded: true, provisionAppRole: false });
  const dataSource = new DataSource(dataSourceOptions(database.ownerUrl, { poolSize: 1, applicationName: 'ruta-cli' }));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    const tables = await rotateDataKeys(runner, masterKey, {
      settle: () => new Promise((resolve) => setTimeout(resolve, settleMs)),
      progress: say,
    });
    const stillUsed = tables.filter((t) => t.stillUsed.length);
    say(
      `Rotated the data keys of ${tables.length} tables: ${tables.reduce((n, t) => n + t.reencrypted, 0)} values re-encrypted, ${tables.reduce((n, t) => n + t.retired.length, 0)} old keys retired${
        stillUsed.length ? `; ${stillUsed.length} tables still have values under an old key: run it again` : ''
      } (npm run keys:verify counts the values per key)`,
    );
    return stillUsed.length ? 1 : 0;
  } finally {
    await runner.release();
    await dataSource.destroy();
    await database.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`[ruta] Key rotation failed: ${describeStartupError(error, process.env.DATABASE_URL)}\n`);
    process.exit(1);
  });
