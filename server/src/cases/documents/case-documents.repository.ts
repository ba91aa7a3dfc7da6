import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RepositoryBase } from '@ruta/platform';
import { CaseDocumentEntity } from './case-document.entity';

/** Documents of a case, stored in PostgreSQL; lists never load the content. */
@Injectable()
export class CaseDocumentsRepository extends RepositoryBase {
  private get repo() {
    return this.manager.getRepository(CaseDocumentEntity);
  }

  async insert(values: QueryDeepPartialEntity<CaseDocumentEntity>): Promise<string> {
    const id = randomUUID();
    await this.insertRow(CaseDocumentEntity, { ...values, id });
    return id;
  }

  list(caseId: string): Promise<CaseDocumentEntity[]> {
    return this.repo
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.uploadedBy', 'uploadedBy')
      .where('d.caseId = :caseId', { caseId })
      .orderBy('d.createdAt', 'DESC')
      .limit(500)
      .getMany();
  }

  /** One document with its bytes, for a download. */
  withContent(caseId: string, id: string): Promise<CaseDocumentEntity | null> {
    return this.repo.createQueryBuilder('d').addSelect('d.content').where('d.id = :id AND d.caseId = :caseId', { id, caseId }).getOne();
  }
}
