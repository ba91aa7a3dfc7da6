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

  /**
   * The bytes stored for a case (`ruta_case_documents_bytes()`: every document, whatever the caller may read), under a
   * lock on the case's uploads held until the transaction ends, so parallel uploads to one case cannot both squeeze in.
   */
  async lockStoredBytes(caseId: string): Promise<number> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`case_documents:${caseId}`]);
    const [row]: { bytes: string }[] = await this.manager.query(`SELECT ruta_case_documents_bytes($1) AS bytes`, [caseId]);
    return Number(row.bytes);
  }

  /** One document with its bytes, for a download. */
  withContent(caseId: string, id: string): Promise<CaseDocumentEntity | null> {
    return this.repo.createQueryBuilder('d').addSelect('d.content').where('d.id = :id AND d.caseId = :caseId', { id, caseId }).getOne();
  }
}
