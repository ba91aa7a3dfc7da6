import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConsentPurpose } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { ConsentEntity } from './consent.entity';

@Injectable()
export class ConsentsRepository extends RepositoryBase {
  async insertMany(rows: QueryDeepPartialEntity<ConsentEntity>[]): Promise<string[]> {
    if (!rows.length) return [];
    const withIds = rows.map((r) => ({ ...r, id: randomUUID() }));
    await this.insertRows(ConsentEntity, withIds);
    return withIds.map((r) => r.id);
  }

  list(caseId: string): Promise<ConsentEntity[]> {
    return this.manager
      .getRepository(ConsentEntity)
      .createQueryBuilder('k')
      .leftJoinAndSelect('k.institution', 'institution')
      .leftJoinAndSelect('k.recordedBy', 'recordedBy')
      .where('k.caseId = :caseId', { caseId })
      .orderBy('k.grantedAt', 'DESC')
      .getMany();
  }

  findOne(caseId: string, id: string): Promise<ConsentEntity | null> {
    return this.manager.getRepository(ConsentEntity).findOneBy({ caseId, id });
  }

  async revoke(id: string, byUserId: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(ConsentEntity)
      .set({ revokedAt: () => 'now()', revokedById: byUserId })
      .where('id = :id AND "revokedAt" IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The most recent unrevoked sharing consent of a case for an institution. */
  validSharing(caseId: string, institutionId: string): Promise<ConsentEntity | null> {
    return this.manager.getRepository(ConsentEntity).findOne({
      where: { caseId, purpose: 'sharing', institutionId, revokedAt: IsNull() },
      order: { grantedAt: 'DESC' },
    });
  }

  /** Unrevoked consents of a case for a purpose (and, for sharing, that institution). */
  async countValid(caseId: string, purpose: ConsentPurpose, institutionId?: string): Promise<number> {
    return this.manager.getRepository(ConsentEntity).count({
      where: { caseId, purpose, revokedAt: IsNull(), ...(institutionId ? { institutionId } : {}) },
    });
  }
}
