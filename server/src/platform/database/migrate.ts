import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { prepareDatabase } from './prepare-database';
import { describeStartupError, MigrationFailedError } from './start-up-errors';

/**
 * `npm run migrate`: applies pending migrations (starting embedded PostgreSQL when there is no DATABASE_URL). It leaves
 * the roles' passwords alone, so running instances keep their connections.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, (line) => process.stdout.write(`[ruta] ${line}\n`), { provisionAppRole: false });
  await database.stop();
}

main().catch((error: unknown) => {
  const line = error instanceof ConfigError || error instanceof MigrationFailedError ? error.message : `Migration failed: ${describeStartupError(error, process.env.DATABASE_URL)}`;
  process.stderr.write(`[ruta] ${line}\n`);
  process.exit(1);
});
