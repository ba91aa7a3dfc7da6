import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';

/** Demo data of the assistance area. */
export const assistanceSeed: DemoSeed = {
  area: 'assistance',
  async run(_manager: EntityManager, _config: RutaConfig): Promise<string[]> {
    return [];
  },
};
