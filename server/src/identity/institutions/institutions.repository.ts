import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RepositoryBase } from '@ruta/platform';
import { InstitutionEntity } from './institution.entity';

@Injectable()
export class InstitutionsRepository extends RepositoryBase {
  private get repo() {
    return this.manager.getRepository(InstitutionEntity);
  }

  /** Institutions are a short list (tens); ordered by name. */
  list(): Promise<InstitutionEntity[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<InstitutionEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<InstitutionEntity[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  insert(values: Partial<InstitutionEntity>): Promise<InstitutionEntity> {
    return this.repo.save(this.repo.create(values));
  }

  /** Optimistic locking: false when the row changed since `expectedVersion` (or is not visible). */
  updateVersioned(id: string, expectedVersion: number, changes: Partial<InstitutionEntity>): Promise<boolean> {
    return this.applyVersioned(InstitutionEntity, id, expectedVersion, changes);
  }

}
