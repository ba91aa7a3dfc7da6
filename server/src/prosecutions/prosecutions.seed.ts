import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';

/** Demo data of the prosecutions area. */
export const prosecutionsSeed: DemoSeed = {
  area: 'prosecutions',
  async run(_manager: EntityManager, _config: RutaConfig): Promise<string[]> {
    return [];
  },
};
