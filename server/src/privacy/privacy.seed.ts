import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';
import { DEFAULT_RETENTION_YEARS } from '@ruta/shared';

/**
 * The retention periods every database needs (the migration inserts them too; a database whose rows were removed
 * gets the defaults back). No demo data: the queue fills from the demo cases when their periods run out.
 */
export const privacySeed: DemoSeed = {
  area: 'privacy',
  async run(manager: EntityManager, _config: RutaConfig): Promise<string[]> {
    const entries = Object.entries(DEFAULT_RETENTION_YEARS);
    const inserted = await manager.query(
      `INSERT INTO privacy_retention_settings ("recordType", years, version)
       SELECT t, y, 1 FROM unnest($1::varchar[], $2::smallint[]) AS s(t, y)
       ON CONFLICT ("recordType") DO NOTHING RETURNING "recordType"`,
      [entries.map(([t]) => t), entries.map(([, y]) => y)],
    );
    return inserted.length ? [`Seeded ${inserted.length} retention periods`] : [];
  },
};
