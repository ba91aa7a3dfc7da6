import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RepositoryBase } from '@ruta/platform';
import { ScreeningEntity } from './screening.entity';
import { TraffickingEventEntity } from './trafficking-event.entity';

/** Screenings and trafficking events of a case. */
@Injectable()
export class CaseRecordsRepository extends RepositoryBase {
  async insertScreening(values: QueryDeepPartialEntity<ScreeningEntity>): Promise<void> {
    await this.insertRow(ScreeningEntity, { ...values, id: randomUUID() });
  }

  screenings(caseId: string): Promise<ScreeningEntity[]> {
    return this.manager
      .getRepository(ScreeningEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.interviewer', 'interviewer')
      .where('s.caseId = :caseId', { caseId })
      .orderBy('s.screenedOn', 'DESC')
      .addOrderBy('s.createdAt', 'DESC')
      .getMany();
  }

  async replaceEvents(caseId: string, events: QueryDeepPartialEntity<TraffickingEventEntity>[]): Promise<void> {
    await this.manager.createQueryBuilder().delete().from(TraffickingEventEntity).where('"caseId" = :caseId', { caseId }).execute();
    await this.insertEvents(caseId, events);
  }

  async insertEvents(caseId: string, events: QueryDeepPartialEntity<TraffickingEventEntity>[]): Promise<void> {
    if (!events.length) return;
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(TraffickingEventEntity)
      .values(events.map((e) => ({ ...e, caseId, id: randomUUID() })))
      .updateEntity(false)
      .execute();
  }

  events(caseId: string): Promise<TraffickingEventEntity[]> {
    return this.manager
      .getRepository(TraffickingEventEntity)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.department', 'department')
      .leftJoinAndSelect('e.municipality', 'municipality')
      .where('e.caseId = :caseId', { caseId })
      .orderBy('e.startedOn', 'ASC', 'NULLS LAST')
      .addOrderBy('e.createdAt', 'ASC')
      .getMany();
  }
}
