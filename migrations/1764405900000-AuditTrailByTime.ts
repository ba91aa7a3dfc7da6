import { MigrationInterface, QueryRunner } from 'typeorm';

/** The indexes the trail had (`name`, columns) and the ones it reads by time with (issue 15). */
const REPLACED: { name: string; before: string; after: string }[] = [
  { name: 'IDX_audit_events_occurredAt', before: '"occurredAt"', after: '"occurredAt", "id"' },
  { name: 'IDX_audit_events_actor', before: '"actorUserId", "id"', after: '"actorUserId", "occurredAt", "id"' },
  { name: 'IDX_audit_events_action', before: '"action", "id"', after: '"action", "occurredAt", "id"' },
];

/**
 * Issue 15: the auditor's trail is read newest first by (occurredAt, id), and each filter's index ends in those two
 * columns, so "an action in a month" is one range of `(action, occurredAt, id)` instead of a walk backwards through
 * every later event of that action (1.4 s over 10 million events). The case timeline keeps `(entityType, entityId,
 * id)`. Same number of indexes as before, so an audit insert costs what it did.
 *
 * Built CONCURRENTLY outside a transaction, so a centre with millions of events keeps writing its audit trail (and
 * so serving requests) while the new indexes build; each is built under a new name and swapped in, so a migration
 * stopped half-way runs again. (Instances starting together poll the migration lock rather than wait on it, since a
 * waiting statement's snapshot would hold the concurrent build up: prepare-database.ts.)
 */
export class AuditTrailByTime1764405900000 implements MigrationInterface {
  name = 'AuditTrailByTime1764405900000';
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await swap(queryRunner, 'after');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await swap(queryRunner, 'before');
  }
}

async function swap(queryRunner: QueryRunner, to: 'before' | 'after'): Promise<void> {
  // Inside a caller's transaction (a restore builds the schema in one, on empty tables) the plain statements do.
  const concurrently = queryRunner.isTransactionActive ? '' : ' CONCURRENTLY';
  for (const index of REPLACED) {
    const next = `${index.name}_next`;
    await queryRunner.query(`DROP INDEX${concurrently} IF EXISTS "${next}"`);
    await queryRunner.query(`CREATE INDEX${concurrently} "${next}" ON "audit_events" (${index[to]})`);
    await queryRunner.query(`DROP INDEX${concurrently} IF EXISTS "${index.name}"`);
    await queryRunner.query(`ALTER INDEX "${next}" RENAME TO "${index.name}"`);
  }
}
