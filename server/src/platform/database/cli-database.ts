import { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { prepareDatabase } from './prepare-database';
import { describeStartupError } from './start-up-errors';

/**
 * For command-line tools: the owner connection, with migrations applied. Uses the running embedded PostgreSQL when
 * `npm start` has it up, or starts it for the duration of the command.
 */
export async function withOwnerDatabase<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await prepareDatabase(config, () => undefined, { reuseRunningEmbedded: true, provisionAppRole: false });
  const dataSource = new DataSource(dataSourceOptions(database.ownerUrl, { poolSize: 1, applicationName: 'ruta-cli' }));
  await dataSource.initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('ruta.system', 'on', true)`);
      return work(manager);
    });
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

export function runCli(main: () => Promise<number>): void {
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      // One line naming the cause (a refused connection has no message of its own), never a stack trace.
      process.stderr.write(`[ruta] ${describeStartupError(error, process.env.DATABASE_URL)}\n`);
      process.exit(1);
    });
}
