import { FactoryProvider, Logger, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RutaConfig } from '../config/config';
import { resolveSecretKey } from '../config/secret-key';
import type { DemoSeed } from '../database/seed-runner';
import { SYSTEM_CONNECTION } from '../database/transaction-runner';
import { FieldCipher, installFieldCipher } from './field-cipher';
import { errorFacts } from '../logging/error-facts';
import { encryptClearFields, fieldKeysSignature, loadFieldCipher, Queryable } from './field-keys';

export const FIELD_CIPHER = Symbol('FIELD_CIPHER');

/** How often a server looks for new field keys (a data-key rotation waits past two of these before each step). */
export const FIELD_KEY_REFRESH_MS = 10_000;

/**
 * The server's field keys, kept current: every FIELD_KEY_REFRESH_MS it reads the key rows' signature (ids and states,
 * as `ruta_system`) and, when a data-key rotation changed them, reloads and installs the cipher — a pending key opens
 * values at once, an activated one is written under from then on. A reload that fails (the database unreachable, or the
 * keys re-wrapped under another master key by `key:rotate` while this server runs with the old one) keeps the keys it
 * has, which still open every value, and says so once in the log.
 */
export class FieldKeyRing implements OnApplicationShutdown {
  private readonly logger = new Logger('FieldKeys');
  private timer?: NodeJS.Timeout;
  private signature = '';
  private failing = false;

  constructor(
    private readonly db: Queryable,
    private readonly masterKey: Buffer,
  ) {}

  /** Loads the keys (creating a missing one), installs the cipher and starts the refresh. */
  async start(): Promise<FieldCipher> {
    this.signature = await fieldKeysSignature(this.db);
    const cipher = await loadFieldCipher(this.db, this.masterKey, { create: true });
    installFieldCipher(cipher);
    this.timer = setInterval(() => void this.refresh(), FIELD_KEY_REFRESH_MS);
    this.timer.unref();
    return cipher;
  }

  /** Reloads the keys when their rows changed; true when it installed a new cipher. */
  async refresh(): Promise<boolean> {
    try {
      const signature = await fieldKeysSignature(this.db);
      if (signature === this.signature) return false;
      installFieldCipher(await loadFieldCipher(this.db, this.masterKey));
      this.signature = signature;
      this.failing = false;
      return true;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Field keys not reloaded, the loaded ones stay in use: ${errorFacts(error)}`);
      this.failing = true;
      return false;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

/**
 * The app's field keys: read once at start-up as the system role (the application role cannot read `field_keys`),
 * unwrapped under RUTA_SECRET_KEY, installed for the entity transformers, and refreshed while the server runs.
 */
export function fieldCipherProvider(config: RutaConfig): FactoryProvider<FieldKeyRing> {
  return {
    provide: FIELD_CIPHER,
    inject: [getDataSourceToken(SYSTEM_CONNECTION)],
    useFactory: async (system: DataSource) => {
      const ring = new FieldKeyRing(system, resolveSecretKey(config));
      await ring.start();
      return ring;
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
