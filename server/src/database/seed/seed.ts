import { DataSource } from 'typeorm';
import { SEED_INSTITUTIONS } from '@ruta/shared';
import { RutaConfig } from '../../config/config';
import { dataSourceOptions } from '../data-source-options';

/**
 * Reference data every database needs (the 14 institutions), and in demo mode the demo accounts and cases.
 * Idempotent: a second start inserts nothing that is already there. Returns lines worth printing.
 */
export async function seedDatabase(ownerUrl: string, config: RutaConfig): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 2, applicationName: 'ruta-seed' }));
  await dataSource.initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('ruta.system', 'on', true)`);
      const lines: string[] = [];
      const inserted = await manager.query(
        `INSERT INTO institutions (code, name, type, version)
         SELECT code, name, type, 1 FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS s(code, name, type)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [SEED_INSTITUTIONS.map((i) => i.code), SEED_INSTITUTIONS.map((i) => i.name), SEED_INSTITUTIONS.map((i) => i.type)],
      );
      if (inserted.length) lines.push(`Seeded ${inserted.length} institutions`);
      if (config.demo) lines.push('Demo mode: demo data is seeded (see README for the accounts)');
      return lines;
    });
  } finally {
    await dataSource.destroy();
  }
}
