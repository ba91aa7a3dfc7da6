import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '@ruta/platform';
import { RoleEntity } from './role.entity';

@Injectable()
export class RolesRepository extends RepositoryBase {
  private get repo() {
    return this.manager.getRepository(RoleEntity);
  }

  list(): Promise<RoleEntity[]> {
    return this.repo.find({ order: { code: 'ASC' } });
  }

  findById(id: string): Promise<RoleEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByCode(code: string): Promise<RoleEntity | null> {
    return this.repo.findOneBy({ code });
  }

  insert(values: Partial<RoleEntity>): Promise<RoleEntity> {
    return this.repo.save(this.repo.create(values));
  }

  /** Optimistic locking: false when the row changed since `expectedVersion` (or is not visible). */
  updateVersioned(id: string, expectedVersion: number, changes: Partial<RoleEntity>): Promise<boolean> {
    return this.applyVersioned(RoleEntity, id, expectedVersion, changes);
  }
}
