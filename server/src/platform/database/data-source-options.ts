import { DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS } from '@ruta/migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = (Function | EntitySchema)[];

/**
 * One place that describes Ruta's database to TypeORM. `synchronize` is never on: the schema comes from migrations.
 * `entities` comes from the app (`server/src/entities.ts`); connections that only run SQL (migrations, seeds, CLIs)
 * need none.
 */
export function dataSourceOptions(url: string, extra: { poolSize?: number; applicationName?: string; entities?: EntityList } = {}): DataSourceOptions {
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
  };
}
