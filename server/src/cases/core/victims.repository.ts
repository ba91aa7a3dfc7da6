import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RepositoryBase } from '@ruta/platform';
import { VictimLocationEntity } from './victim-location.entity';
import { VictimEntity } from './victim.entity';

/**
 * Victims' identity and shelter location. Row-level security returns nothing to roles without
 * `victim_identity:read` (and, for the shelter, `victim_location:read`); the services do not even ask.
 */
@Injectable()
export class VictimsRepository extends RepositoryBase {
  async insert(values: QueryDeepPartialEntity<VictimEntity>): Promise<void> {
    await this.insertRows(VictimEntity, [values]);
  }

  find(caseId: string): Promise<VictimEntity | null> {
    return this.manager.getRepository(VictimEntity).findOneBy({ caseId });
  }

  /** Names for a list page, one query. */
  async namesOf(caseIds: string[]): Promise<Map<string, string>> {
    if (!caseIds.length) return new Map();
    const rows = await this.manager
      .getRepository(VictimEntity)
      .createQueryBuilder('v')
      .select(['v.caseId', 'v.givenNames', 'v.familyNames'])
      .where('v.caseId IN (:...caseIds)', { caseIds })
      .getMany();
    return new Map(rows.map((v) => [v.caseId, [v.givenNames, v.familyNames].filter(Boolean).join(' ')]));
  }

  async update(caseId: string, changes: QueryDeepPartialEntity<VictimEntity>): Promise<void> {
    await this.manager.createQueryBuilder().update(VictimEntity).set({ ...changes, updatedAt: () => 'now()' }).where('"caseId" = :caseId', { caseId }).execute();
  }

  findLocation(caseId: string): Promise<VictimLocationEntity | null> {
    return this.manager.getRepository(VictimLocationEntity).findOneBy({ caseId });
  }

  async saveLocation(caseId: string, shelterLocation: string, exists: boolean): Promise<void> {
    const qb = this.manager.createQueryBuilder();
    if (exists) {
      await qb.update(VictimLocationEntity).set({ shelterLocation, updatedAt: () => 'now()' }).where('"caseId" = :caseId', { caseId }).execute();
    } else {
      await qb.insert().into(VictimLocationEntity).values({ caseId, shelterLocation }).updateEntity(false).execute();
    }
  }
}
