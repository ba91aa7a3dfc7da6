import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { withOwnerDatabase } from '../database/cli-database';
import { describeStartupError } from '../database/start-up-errors';
import { keyFingerprint } from '../backup/backup-format';
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

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`[ruta] Key rotation failed: ${describeStartupError(error, process.env.DATABASE_URL)}\n`);
    process.exit(1);
  });
