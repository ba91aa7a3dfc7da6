import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Optimistic locking: applies `changes` only if the row still has `expectedVersion`, and bumps the version.
 * Returns false when the row changed since (or is not visible to the actor), so the caller answers 409 or 404.
 * `where` narrows further (e.g. to the owner of the row).
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
