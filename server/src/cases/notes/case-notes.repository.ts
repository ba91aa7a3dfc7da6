import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RepositoryBase } from '@ruta/platform';
import { CaseNoteEntity } from './case-note.entity';

/** Notes of a case; row-level security hides restricted notes of other institutions. */
@Injectable()
export class CaseNotesRepository extends RepositoryBase {
  async insert(values: QueryDeepPartialEntity<CaseNoteEntity>): Promise<string> {
    const id = randomUUID();
    await this.insertRow(CaseNoteEntity, { ...values, id });
    return id;
  }

  list(caseId: string): Promise<CaseNoteEntity[]> {
    return this.manager
      .getRepository(CaseNoteEntity)
      .createQueryBuilder('n')
      .leftJoinAndSelect('n.author', 'author')
      .innerJoinAndSelect('n.authorInstitution', 'institution')
      .where('n.caseId = :caseId', { caseId })
      .orderBy('n.createdAt', 'DESC')
      .limit(500)
      .getMany();
  }
}
