import { RutaConfig, runSeeds } from '@ruta/platform';
import { identitySeed } from '@ruta/identity';
import { casesSeed } from '@ruta/cases';
import { referralsSeed } from '@ruta/referrals';

/** Every area's seed, in the order their data depends on each other. A new area adds its seed here. */
export const SEEDS = [identitySeed, casesSeed, referralsSeed] as const;

export function seedDatabase(ownerUrl: string, config: RutaConfig): Promise<string[]> {
  return runSeeds(ownerUrl, config, SEEDS);
}
