import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { RepositoryBase } from '@ruta/platform';
import { RecentSessions } from './recent-sessions';
import { SessionEntity } from './session.entity';

/** The only place that touches the sessions table. */
@Injectable()
export class SessionsRepository extends RepositoryBase {
  @Inject(RecentSessions) private readonly recent!: RecentSessions;

  private get repo() {
    return this.manager.getRepository(SessionEntity);
  }

  insert(session: Partial<SessionEntity>): Promise<SessionEntity> {
    return this.repo.save(this.repo.create(session));
  }

  /** A live session (not revoked, not expired, not idle) with its user, role and institution. */
  findLive(tokenHash: string, idleSince: Date): Promise<SessionEntity | null> {
    return this.repo
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'user')
      .innerJoinAndSelect('user.role', 'role')
      .innerJoinAndSelect('user.institution', 'institution')
      .where('s.tokenHash = :tokenHash', { tokenHash })
      .andWhere('s.revokedAt IS NULL')
      .andWhere('s.expiresAt > now()')
      .andWhere('s.lastSeenAt > :idleSince', { idleSince })
      .andWhere('user.active = true')
      .getOne();
  }

  async touch(id: string): Promise<void> {
    await this.repo.update({ id }, { lastSeenAt: () => 'now()' });
  }

  /** The second factor is done: the live session gets a new token hash (the old token is dead) and counts as verified. */
  async elevate(id: string, tokenHash: string): Promise<void> {
    this.recent.forgetAll();
    await this.repo.update({ id, revokedAt: IsNull() }, { tokenHash, mfaVerified: true });
  }

  async revoke(id: string): Promise<void> {
    this.recent.forgetAll();
    await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revokeAllForUser(userId: string): Promise<void> {
    this.recent.forgetAll();
    await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }
}
