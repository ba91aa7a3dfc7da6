import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LIST_COUNT_CAP, ListTotal, listTotal } from '@ruta/shared';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TransactionRunner } from './transaction-runner';

/** The statement `countUpTo` runs for `select` (the plan tests EXPLAIN the very same text). */
export function cappedCount(select: string, cap = LIST_COUNT_CAP): string {
  return `SELECT count(*)::int AS n FROM (${select} LIMIT ${cap + 1}) capped`;
}

/**
 * What every repository shares, and nothing more: the request transaction's EntityManager (row-level security and
 * audit see the acting user), inserts that do not read back, optimistic locking and capped list totals. A repository owns its tables;
 * it extends this class rather than injecting other repositories.
 */
@Injectable()
export abstract class RepositoryBase {
  constructor(protected readonly transactions: TransactionRunner) {}

  /** The EntityManager of the transaction in progress. */
  protected get manager(): EntityManager {
    return this.transactions.manager;
  }

  /**
   * Inserts without RETURNING: the new row must pass its RLS check policy, not the read one (a writer may insert
   * what it may not read back). Gives the row a fresh id unless it has one; returns the id.
   */
  protected async insertRow<T extends ObjectLiteral>(entity: EntityTarget<T>, values: QueryDeepPartialEntity<T>): Promise<string> {
    const id = (values as { id?: string }).id ?? randomUUID();
    await this.manager.createQueryBuilder().insert().into(entity).values({ ...values, id } as QueryDeepPartialEntity<T>).updateEntity(false).execute();
    return id;
  }

  /**
   * A list's total: the rows `select` answers (any SELECT of the rows to count, best in the page's index order), counted
   * up to `cap` — a LIMIT, so a million visible rows cost `cap` index entries, not a million row checks.
   */
  protected async countUpTo(select: string, params: unknown[], cap = LIST_COUNT_CAP): Promise<ListTotal> {
    const [{ n }]: { n: number }[] = await this.manager.query(cappedCount(select, cap), params);
    return listTotal(n, cap);
  }

  /** Several rows in one statement, same rules as `insertRow`. */
  protected async insertRows<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): Promise<void> {
    if (!rows.length) return;
    await this.manager.createQueryBuilder().insert().into(entity).values(rows).updateEntity(false).execute();
  }

  /** Optimistic locking for this repository's entities; see `updateVersioned`. */
  protected applyVersioned<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    id: string,
    expectedVersion: number,
    changes: QueryDeepPartialEntity<T>,
    where?: { sql: string; params: Record<string, unknown> },
  ): Promise<boolean> {
    return updateVersioned(this.manager, entity, id, expectedVersion, changes, where);
  }
}

/**
 * Optimistic locking: applies `changes` only if the row still has `expectedVersion`, and bumps the version (TypeORM
 * sets `updatedAt` too where the entity has one). Returns false when the row changed since (or is not visible to the
 * actor), so the caller answers 409 or 404. `where` narrows further (e.g. to the owner of the row).
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T>,
  where?: { sql: string; params: Record<string, unknown> },
): Promise<boolean> {
  const query = manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => '"version" + 1' } as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion });
  if (where) query.andWhere(where.sql, where.params);
  const result = await query.execute();
  return (result.affected ?? 0) > 0;
}
