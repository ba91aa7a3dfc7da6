import { DataSource, EntityManager } from 'typeorm';
import { RutaConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

/**
 * One area's seed: reference data every database needs, and in demo mode (`config.demo`) demo data. Idempotent: a
 * second start inserts nothing that is already there. Returns lines worth printing. Each area owns its seed and the
 * SQL of its own tables; the app lists the seeds in the order their data depends on each other (`server/src/seeds.ts`).
 */
export interface DemoSeed {
  area: string;
  run(manager: EntityManager, config: RutaConfig): Promise<string[]>;
}

/** Key of the transaction-level advisory lock under which one process at a time seeds. */
export const SEED_LOCK = 7_261_003;

/** Runs the seeds in order, in one transaction as the owner, as system work; instances starting together take turns. */
export async function runSeeds(ownerUrl: string, config: RutaConfig, seeds: readonly DemoSeed[]): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 2, applicationName: 'ruta-seed' }));
  await dataSource.initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('ruta.system', 'on', true), pg_advisory_xact_lock($1)`, [SEED_LOCK]);
      const lines: string[] = [];
      for (const seed of seeds) lines.push(...(await seed.run(manager, config)));
      return lines;
    });
  } finally {
    await dataSource.destroy();
  }
}
