import { DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS } from '@ruta/migrations';
import { DatabaseTimeouts, poolTimeoutOptions } from './database-timeouts';
import { PreparingClient } from './preparing-client';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = (Function | EntitySchema)[];

/**
 * One place that describes Ruta's database to TypeORM. `synchronize` is never on: the schema comes from migrations.
 * `entities` comes from the app (`server/src/entities.ts`); connections that only run SQL (migrations, seeds, CLIs)
 * need none. `timeouts` bound every wait of the application's pools (statement, connection, idle transaction); the
 * short-lived connections of migrations, seeds and CLIs go without, so a long migration is never cut off; the
 * application's pools also prepare their statements (PreparingClient).
 */
export function dataSourceOptions(
  url: string,
  extra: { poolSize?: number; applicationName?: string; entities?: EntityList; timeouts?: DatabaseTimeouts } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: extra.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: extra.poolSize ?? 20,
    applicationName: extra.applicationName ?? 'ruta',
    // The application's pools (those with timeouts) prepare their statements (PreparingClient).
    ...(extra.timeouts ? { extra: { ...poolTimeoutOptions(extra.timeouts), Client: PreparingClient } } : {}),
  };
}
