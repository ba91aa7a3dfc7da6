import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { prepareDatabase } from './prepare-database';

/** `npm run migrate`: applies pending migrations (starting embedded PostgreSQL when there is no DATABASE_URL). */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, (line) => process.stdout.write(`[ruta] ${line}\n`));
  await database.stop();
}

main().catch((error: Error) => {
  process.stderr.write(`[ruta] ${error instanceof ConfigError ? error.message : `Migration failed: ${error.message}`}\n`);
  process.exit(1);
});
