import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccessChangeStatus } from '@ruta/shared';
import { RepositoryBase } from '@ruta/platform';
import { AccessChangeRequestEntity } from './access-change-request.entity';

/** The only place that touches access_change_requests. Row-level security shows them to administrators and auditors. */
@Injectable()
export class AccessRequestsRepository extends RepositoryBase {
  async insert(values: QueryDeepPartialEntity<AccessChangeRequestEntity>): Promise<string> {
    return this.insertRow(AccessChangeRequestEntity, { ...values, status: 'pending', version: 1 });
  }

  findById(id: string): Promise<AccessChangeRequestEntity | null> {
    return this.requests().where('r.id = :id', { id }).getOne();
  }

  /** Pending first, newest first. */
  list(status: AccessChangeStatus | undefined, limit: number): Promise<AccessChangeRequestEntity[]> {
    const query = this.requests()
      .orderBy(`CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('r.createdAt', 'DESC')
      .limit(limit);
    if (status) query.where('r.status = :status', { status });
    return query.getMany();
  }

  /** Records a decision only if the request is still pending at `expectedVersion`. */
  async decide(id: string, expectedVersion: number, changes: QueryDeepPartialEntity<AccessChangeRequestEntity>): Promise<boolean> {
    return this.applyVersioned(AccessChangeRequestEntity, id, expectedVersion, changes, { sql: `status = 'pending'`, params: {} });
  }

  private requests() {
    return this.manager
      .getRepository(AccessChangeRequestEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.requestedBy', 'requestedBy')
      .leftJoinAndSelect('r.decidedBy', 'decidedBy');
  }
}
