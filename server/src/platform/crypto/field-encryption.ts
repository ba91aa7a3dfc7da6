import type { FactoryProvider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RutaConfig } from '../config/config';
import { resolveSecretKey } from '../config/secret-key';
import type { DemoSeed } from '../database/seed-runner';
import { SYSTEM_CONNECTION } from '../database/transaction-runner';
import { FieldCipher, installFieldCipher } from './field-cipher';
import { encryptClearFields, loadFieldCipher } from './field-keys';

export const FIELD_CIPHER = Symbol('FIELD_CIPHER');

/**
 * The app's field cipher: the data keys read once at start-up as the system role (the application role cannot read
 * `field_keys`), unwrapped under RUTA_SECRET_KEY, and installed for the entity transformers.
 */
export function fieldCipherProvider(config: RutaConfig): FactoryProvider<FieldCipher> {
  return {
    provide: FIELD_CIPHER,
    inject: [getDataSourceToken(SYSTEM_CONNECTION)],
    useFactory: async (system: DataSource) => {
      const cipher = await loadFieldCipher(system, resolveSecretKey(config), { create: true });
      installFieldCipher(cipher);
      return cipher;
    },
  };
}

/**
 * The data step of field encryption, run at every start with the seeds (as the owner, in their transaction, after every
 * area's seed): creates the missing data keys, then encrypts any clear value left in an encrypted column — the rows of
 * a database from before migration 1764404840000, which has no key to do it. Idempotent: the second start finds
 * nothing to encrypt.
 */
export const fieldEncryptionSeed: DemoSeed = {
  area: 'platform',
  async run(manager, config) {
    const cipher = await loadFieldCipher(manager, resolveSecretKey(config), { create: true });
    installFieldCipher(cipher);
    const done = (await encryptClearFields(manager, cipher)).filter((c) => c.encrypted > 0);
    return done.length ? [`Encrypted clear-text values: ${done.map((c) => `${c.column} ${c.encrypted}`).join(', ')}`] : [];
  },
};
