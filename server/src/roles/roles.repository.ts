import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { RoleEntity } from './role.entity';

@Injectable()
export class RolesRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  private get repo() {
    return this.transactions.manager.getRepository(RoleEntity);
  }

  list(): Promise<RoleEntity[]> {
    return this.repo.find({ order: { code: 'ASC' } });
  }

  findById(id: string): Promise<RoleEntity | null> {
    return this.repo.findOneBy({ id });
  }

  insert(values: Partial<RoleEntity>): Promise<RoleEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async updateVersioned(id: string, expectedVersion: number, changes: Partial<RoleEntity>): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(RoleEntity)
      .set({ ...changes, version: () => '"version" + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
