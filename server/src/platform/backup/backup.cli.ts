import 'reflect-metadata';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/config';
import { prepareDatabase } from '../database/prepare-database';
import { describeServer, describeStartupError } from '../database/start-up-errors';
import { writeBackup } from './backup';
import { installedSecretKey } from './backup-secret-key';

const say = (line: string) => process.stdout.write(`[ruta] ${line}\n`);

/** `npm run backup [FILE]`: a consistent copy of the embedded or DATABASE_URL database, while Ruta keeps running. */
async function main(): Promise<number> {
  const config = loadConfig();
  const file = resolve(
    process.argv[2] ??
      `ruta-backup-${new Date()
        .toISOString()
        .replace(/[:.]/g, '-')
        .replace(/-\d+Z$/, 'Z')}.gz`,
  );
  const database = await prepareDatabase(config, () => undefined, { reuseRunningEmbedded: true, provisionAppRole: false, migrate: false });
  try {
    const key = installedSecretKey(config);
    const result = await writeBackup(database.ownerUrl, file, key.fingerprint);
    const size = (statSync(file).size / 1024 / 1024).toFixed(1);
    say(
      `Backup of ${config.DATABASE_URL ? describeServer(config.DATABASE_URL) : 'embedded PostgreSQL'} written to ${file}: ${result.tables} tables, ${result.rows} rows, ${size} MB`,
    );
    say(
      `The secret key is NOT in the backup (${key.source}${key.fingerprint ? `, fingerprint ${key.fingerprint}` : ''}): keep a copy of it apart from the backups; without it restored TOTP secrets and drafts cannot be opened`,
    );
    say('The backup holds victim data: keep it encrypted, access-controlled and off this machine');
    return 0;
  } finally {
    await database.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`[ruta] Backup failed: ${describeStartupError(error, process.env.DATABASE_URL)}\n`);
    process.exit(1);
  });
