import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';

/** Demo data of the indicators area. */
export const indicatorsSeed: DemoSeed = {
  area: 'indicators',
  async run(_manager: EntityManager, _config: RutaConfig): Promise<string[]> {
    return [];
  },
};
