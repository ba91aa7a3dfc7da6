import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { CaseNoteEntity } from './case-note.entity';

/** Notes of a case; row-level security hides restricted notes of other institutions. */
@Injectable()
export class CaseNotesRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  async insert(values: QueryDeepPartialEntity<CaseNoteEntity>): Promise<string> {
    const id = randomUUID();
    await this.transactions.manager.createQueryBuilder().insert().into(CaseNoteEntity).values({ ...values, id }).updateEntity(false).execute();
    return id;
  }

  list(caseId: string): Promise<CaseNoteEntity[]> {
    return this.transactions.manager
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
