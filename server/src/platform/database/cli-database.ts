import { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { prepareDatabase } from './prepare-database';

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
    .catch((error: Error) => {
      process.stderr.write(`[ruta] ${error.message}\n`);
      process.exit(1);
    });
}
