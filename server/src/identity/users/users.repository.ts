import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RepositoryBase } from '@ruta/platform';
import { UserEntity } from './user.entity';

export interface UserListQuery {
  institutionId?: string;
  q?: string;
  /** Keyset: the (name, id) of the last row of the previous page. */
  after?: { name: string; id: string };
  limit: number;
}

/** The only place that touches the users table. Row-level security filters what each actor can see. */
@Injectable()
export class UsersRepository extends RepositoryBase {
  private get repo() {
    return this.manager.getRepository(UserEntity);
  }

  /**
   * A user with institution and role, in one statement: `findOne` with relations sends two (a DISTINCT of the ids to
   * apply its LIMIT over the joins, then the rows), and this runs on every "who am I".
   */
  findById(id: string): Promise<UserEntity | null> {
    return this.withRelations().where('u.id = :id', { id }).getOne();
  }

  /**
   * Adds the secret columns (password hash, TOTP secret, recovery codes) to a loaded user. Only the system role may
   * read them, so this runs as system work.
   */
  async withSecrets(user: UserEntity): Promise<UserEntity> {
    const secrets = await this.transactions.asSystem((manager) =>
      manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .select(['u.id', 'u.passwordHash', 'u.mfaSecret', 'u.recoveryCodeHashes'])
        .where('u.id = :id', { id: user.id })
        .getOne(),
    );
    return Object.assign(user, { passwordHash: secrets?.passwordHash, mfaSecret: secrets?.mfaSecret ?? null, recoveryCodeHashes: secrets?.recoveryCodeHashes ?? [] });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.withRelations().where('u.email = :email', { email: email.toLowerCase() }).getOne();
  }

  /** Users with their institution and role (each user has one of each: one row per user, no LIMIT needed). */
  private withRelations() {
    return this.repo.createQueryBuilder('u').leftJoinAndSelect('u.institution', 'institution').leftJoinAndSelect('u.role', 'role');
  }

  /** Whether any of these users holds the role now. */
  anyHolds(roleId: string, userIds: string[]): Promise<boolean> {
    return this.repo.createQueryBuilder('u').where('u.roleId = :roleId AND u.id IN (:...userIds)', { roleId, userIds }).getExists();
  }

  /** Ordered by name then id, on the (institutionId, name) or (name) index. */
  list(query: UserListQuery): Promise<UserEntity[]> {
    const qb = this.repo
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.institution', 'institution')
      .innerJoinAndSelect('u.role', 'role')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(query.limit);
    if (query.institutionId) qb.andWhere('u.institutionId = :institutionId', { institutionId: query.institutionId });
    if (query.q) {
      qb.andWhere(new Brackets((w) => w.where('u.name ILIKE :q', { q: `%${escapeLike(query.q!)}%` }).orWhere('u.email ILIKE :q')));
    }
    if (query.after) {
      qb.andWhere('(u.name, u.id) > (:afterName, :afterId)', { afterName: query.after.name, afterId: query.after.id });
    }
    return qb.getMany();
  }

  /** Without RETURNING (`insertRow`): the application role may not read back the secret columns that have defaults. */
  async insert(user: Partial<UserEntity>): Promise<UserEntity> {
    const id = await this.insertRow(UserEntity, { ...user, email: user.email?.toLowerCase(), version: 1 } as QueryDeepPartialEntity<UserEntity>);
    return (await this.findById(id))!;
  }

  /** Optimistic locking: false when the row changed since `expectedVersion` (or is not visible). */
  updateVersioned(id: string, expectedVersion: number, changes: Partial<UserEntity>): Promise<boolean> {
    return this.applyVersioned(UserEntity, id, expectedVersion, changes);
  }

  /**
   * One more failed sign-in attempt (password or second factor) on the account row, in one statement so parallel
   * guesses all count. The one that reaches `maxFailures` locks the account for `lockMs` and starts the count again;
   * true when this attempt locked it. A complete sign-in or an administrator's password reset clears both.
   */
  async recordFailedAttempt(id: string, maxFailures: number, lockMs: number): Promise<boolean> {
    const rows: { locked: boolean }[] = await this.manager.query(
      `WITH counted AS (
         UPDATE users SET
           "failedLogins" = CASE WHEN "failedLogins" + 1 >= $2 THEN 0 ELSE "failedLogins" + 1 END,
           "lockedUntil" = CASE WHEN "failedLogins" + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE "lockedUntil" END
         WHERE id = $1
         RETURNING "failedLogins" = 0 AS locked)
       SELECT locked FROM counted`,
      [id, maxFailures, lockMs / 1000],
    );
    return rows[0]?.locked ?? false;
  }

  /** System-side updates (login counters, MFA secrets) that are not user edits and do not bump the version. */
  async updateInternal(id: string, changes: Partial<UserEntity>): Promise<void> {
    // Naming the version column keeps TypeORM from bumping it, so a login does not turn an administrator's edit stale.
    await this.repo
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...changes, version: () => '"version"' })
      .where('id = :id', { id })
      .execute();
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
