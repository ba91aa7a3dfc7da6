import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { UnauthenticatedError } from '../http/errors';
import { longerStatementTimeout } from './database-timeouts';

/** The TypeORM connection of system work: the `ruta_system` database role (DatabaseModule). */
export const SYSTEM_CONNECTION = 'system';

/**
 * What a request tells the database about who is acting: only the raw session token. The database resolves the user,
 * institution, role, scope and permissions from its sessions table (`ruta_begin_request()`), so nothing the
 * application sends can widen what row-level security lets it see.
 */
export interface DbActorContext {
  sessionToken?: string;
}

interface Transaction {
  manager: EntityManager;
  context: DbActorContext;
  system: boolean;
}

/**
 * Runs work in one transaction that carries the acting user, and makes that transaction's EntityManager available to
 * repositories through `manager` for the rest of the async call chain. User work runs as `ruta_app`; system work
 * (login look-ups, the audit sealer) as `ruta_system`, a role of its own with its own credentials.
 */
@Injectable()
export class TransactionRunner {
  private readonly storage = new AsyncLocalStorage<Transaction>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectDataSource(SYSTEM_CONNECTION) private readonly systemDataSource: DataSource,
  ) {}

  run<T>(context: DbActorContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      if (context.sessionToken) {
        // The database checks the session again (the guard may have used a session resolved a moment ago): a session
        // revoked, expired or idle since then gets no transaction, whatever the application remembered.
        const [{ live }] = await manager.query(`SELECT ruta_begin_request($1) AS live`, [context.sessionToken]);
        if (!live) throw new UnauthenticatedError();
      }
      return this.storage.run({ manager, context, system: false }, () => work(manager));
    });
  }

  /**
   * Internal work with no user behind it, as the system role. `statementTimeoutMs` lets a background job's statements
   * run longer than a request's (`DATABASE_STATEMENT_TIMEOUT_MS`), for this transaction only.
   */
  runAsSystem<T>(work: (manager: EntityManager) => Promise<T>, options: { statementTimeoutMs?: number } = {}): Promise<T> {
    return this.systemDataSource.transaction(async (manager) => {
      if (options.statementTimeoutMs) await manager.query(longerStatementTimeout(options.statementTimeoutMs));
      return this.storage.run({ manager, context: {}, system: true }, () => work(manager));
    });
  }

  /** System work: in the system transaction in progress, or in one of its own. */
  asSystem<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = this.storage.getStore();
    return transaction?.system ? work(transaction.manager) : this.runAsSystem(work);
  }

  /** A transaction of its own, as the same user as the one in progress: work that must commit even if the request fails. */
  runSeparately<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.run(this.storage.getStore()?.context ?? {}, work);
  }

  /** The EntityManager of the transaction in progress; repositories use nothing else. */
  get manager(): EntityManager {
    const transaction = this.storage.getStore();
    if (!transaction) throw new Error('No transaction in progress: database work must run inside TransactionRunner.run');
    return transaction.manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }
}
