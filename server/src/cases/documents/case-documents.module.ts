import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CaseCoreModule } from '../core';
import { UserQuotasModule } from '../quotas';
import { CaseDocumentsController } from './case-documents.controller';
import { CaseDocumentsRepository } from './case-documents.repository';
import { CaseDocumentsService } from './case-documents.service';

@Module({
  imports: [AuditModule, CaseCoreModule, UserQuotasModule],
  controllers: [CaseDocumentsController],
  providers: [CaseDocumentsRepository, CaseDocumentsService],
})
export class CaseDocumentsModule {}
