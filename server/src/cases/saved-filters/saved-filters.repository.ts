import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RepositoryBase } from '@ruta/platform';
import { SavedFilterEntity } from './saved-filter.entity';

/** The current user's saved filters; row-level security shows each user only their own. */
@Injectable()
export class SavedFiltersRepository extends RepositoryBase {
  private get repo() {
    return this.manager.getRepository(SavedFilterEntity);
  }

  list(userId: string): Promise<SavedFilterEntity[]> {
    return this.repo.find({ where: { userId }, order: { name: 'ASC' }, take: 200 });
  }

  find(userId: string, id: string): Promise<SavedFilterEntity | null> {
    return this.repo.findOneBy({ userId, id });
  }

  insert(values: Partial<SavedFilterEntity>): Promise<SavedFilterEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async updateVersioned(userId: string, id: string, expectedVersion: number, changes: QueryDeepPartialEntity<SavedFilterEntity>): Promise<boolean> {
    return this.applyVersioned(SavedFilterEntity, id, expectedVersion, changes, { sql: '"userId" = :userId', params: { userId } });
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.repo.createQueryBuilder().delete().from(SavedFilterEntity).where('id = :id AND "userId" = :userId', { id, userId }).execute();
    return (result.affected ?? 0) > 0;
  }
}
