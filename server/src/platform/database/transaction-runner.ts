import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { RecordScope } from '@ruta/shared';

/** Who is acting, as row-level security policies see it (the `ruta_ctx_*()` SQL functions). */
export interface DbActorContext {
  userId?: string;
  institutionId?: string;
  scope?: RecordScope;
  permissions?: readonly string[];
  /** Internal work that is not a user's (login look-ups, the audit sealer, seeding). */
  system?: boolean;
}

/**
 * Runs work in one transaction that carries the acting user, and makes that transaction's EntityManager
 * available to repositories through `manager` for the rest of the async call chain.
 */
@Injectable()
export class TransactionRunner {
  private readonly storage = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(context: DbActorContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT set_config('ruta.user_id', $1, true), set_config('ruta.institution_id', $2, true),
                set_config('ruta.scope', $3, true), set_config('ruta.permissions', $4, true),
                set_config('ruta.system', $5, true)`,
        [
          context.userId ?? '',
          context.institutionId ?? '',
          context.scope ?? 'none',
          (context.permissions ?? []).join(','),
          context.system ? 'on' : '',
        ],
      );
      return this.storage.run(manager, () => work(manager));
    });
  }

  /** Internal work with no user behind it. */
  runAsSystem<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.run({ system: true }, work);
  }

  /** The EntityManager of the transaction in progress; repositories use nothing else. */
  get manager(): EntityManager {
    const manager = this.storage.getStore();
    if (!manager) throw new Error('No transaction in progress: database work must run inside TransactionRunner.run');
    return manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }
}
