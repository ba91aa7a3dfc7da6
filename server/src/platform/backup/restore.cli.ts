import 'reflect-metadata';
import { resolve } from 'node:path';
import { loadConfig } from '../config/config';
import { prepareDatabase } from '../database/prepare-database';
import { describeServer, describeStartupError } from '../database/start-up-errors';
import { BackupError } from './backup-format';
import { installedSecretKey } from './backup-secret-key';
import { restoreBackup } from './restore';

const say = (line: string) => process.stdout.write(`[ruta] ${line}\n`);

/** `npm run restore FILE`: loads a backup into an empty database (embedded in RUTA_DATA_DIR, or DATABASE_URL). */
async function main(): Promise<number> {
  const config = loadConfig();
  if (!process.argv[2]) throw new BackupError('name the backup to restore: npm run restore -- FILE');
  const file = resolve(process.argv[2]);
  const database = await prepareDatabase(config, () => undefined, { reuseRunningEmbedded: true, provisionAppRole: false, migrate: false });
  try {
    const result = await restoreBackup(database.ownerUrl, file);
    const target = config.DATABASE_URL ? describeServer(config.DATABASE_URL) : `embedded PostgreSQL in ${config.RUTA_DATA_DIR}`;
    say(`Restored ${file} (taken ${result.header.createdAt}) into ${target}: ${result.tables} tables, ${result.rows} rows`);
    if (result.laterMigrations.length) say(`Then applied this Ruta's newer migrations: ${result.laterMigrations.join(', ')}`);
    const key = installedSecretKey(config);
    const wanted = result.header.secretKeyFingerprint;
    if (!wanted) say('The secret key is not in the backup: start Ruta with the secret key of the installation it came from');
    else if (key.fingerprint === wanted) say(`The secret key in use (${key.source}) is the backup's (fingerprint ${wanted})`);
    else {
      say(
        `The secret key is not in the backup, and ${key.fingerprint ? `the one in use (${key.source}) is another` : `there is none yet (${key.source})`}: before starting Ruta, set RUTA_SECRET_KEY (or that file) to the key with fingerprint ${wanted}, or TOTP secrets and drafts cannot be opened`,
      );
    }
    say('Check the audit trail with: npm run audit:verify');
    return 0;
  } finally {
    await database.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`[ruta] Restore failed: ${describeStartupError(error, process.env.DATABASE_URL)}\n`);
    process.exit(1);
  });
