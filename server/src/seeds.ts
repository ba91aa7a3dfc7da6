import { fieldEncryptionSeed, RutaConfig, runSeeds } from '@ruta/platform';
import { identitySeed } from '@ruta/identity';
import { casesSeed, victimIdentitySeed } from '@ruta/cases';
import { referralsSeed } from '@ruta/referrals';
import { assistanceSeed } from '@ruta/assistance';
import { prosecutionsSeed, traffickerIdentitySeed } from '@ruta/prosecutions';
import { callerPhoneSeed, hotlineSeed } from '@ruta/hotline';
import { indicatorsSeed } from '@ruta/indicators';
import { privacySeed } from '@ruta/privacy';

/**
 * Every area's seed, in the order their data depends on each other. A new area adds its seed here. The field-encryption
 * steps come last: the victims' and the alleged traffickers' identity and the hotline callers' numbers are indexed
 * (blind indexes) and encrypted, then every other clear value the seeds (or an older database) left in an encrypted
 * column is encrypted.
 */
export const SEEDS = [
  identitySeed,
  casesSeed,
  referralsSeed,
  assistanceSeed,
  prosecutionsSeed,
  hotlineSeed,
  indicatorsSeed,
  privacySeed,
  victimIdentitySeed,
  traffickerIdentitySeed,
  callerPhoneSeed,
  fieldEncryptionSeed,
] as const;

export function seedDatabase(ownerUrl: string, config: RutaConfig): Promise<string[]> {
  return runSeeds(ownerUrl, config, SEEDS);
}
