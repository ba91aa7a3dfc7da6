import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '@ruta/platform';
import { CaseDraftEntity } from './case-draft.entity';

/** The current user's intake draft; row-level security shows each user only their own. */
@Injectable()
export class CaseDraftsRepository extends RepositoryBase {
  private get repo() {
    return this.manager.getRepository(CaseDraftEntity);
  }

  find(userId: string): Promise<CaseDraftEntity | null> {
    return this.repo.findOneBy({ userId });
  }

  /** Inserts or replaces the user's draft; says whether it was new. */
  async upsert(userId: string, payload: string, step: number): Promise<{ created: boolean; updatedAt: Date }> {
    const rows: { created: boolean; updatedAt: Date }[] = await this.manager.query(
      `INSERT INTO "case_drafts" ("userId", "payload", "step", "updatedAt") VALUES ($1, $2, $3, now())
       ON CONFLICT ("userId") DO UPDATE SET "payload" = EXCLUDED."payload", "step" = EXCLUDED."step", "updatedAt" = now()
       RETURNING (xmax = 0) AS "created", "updatedAt"`,
      [userId, payload, step],
    );
    return rows[0];
  }

  /** Deletes the user's draft if it was last saved more than `days` days ago. */
  async deleteIfOlderThan(userId: string, days: number): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .delete()
      .from(CaseDraftEntity)
      .where(`"userId" = :userId AND "updatedAt" < now() - make_interval(days => :days)`, { userId, days })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async delete(userId: string): Promise<boolean> {
    const result = await this.repo.createQueryBuilder().delete().from(CaseDraftEntity).where('"userId" = :userId', { userId }).execute();
    return (result.affected ?? 0) > 0;
  }
}
