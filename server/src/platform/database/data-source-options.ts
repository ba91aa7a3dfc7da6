import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@ruta/migrations';
import { ENTITIES } from './entities';

/** One place that describes Ruta's database to TypeORM. `synchronize` is never on: the schema comes from migrations. */
export function dataSourceOptions(url: string, extra: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: extra.poolSize ?? 20,
    applicationName: extra.applicationName ?? 'ruta',
  };
}
