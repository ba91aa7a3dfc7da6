import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';

/** Demo data of the hotline area. */
export const hotlineSeed: DemoSeed = {
  area: 'hotline',
  async run(_manager: EntityManager, _config: RutaConfig): Promise<string[]> {
    return [];
  },
};
