import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module';
import { CasesModule } from '../core/cases.module';
import { CaseDocumentsController } from './case-documents.controller';
import { CaseDocumentsRepository } from './case-documents.repository';
import { CaseDocumentsService } from './case-documents.service';

@Module({
  imports: [AuditModule, CasesModule],
  controllers: [CaseDocumentsController],
  providers: [CaseDocumentsRepository, CaseDocumentsService],
})
export class CaseDocumentsModule {}
