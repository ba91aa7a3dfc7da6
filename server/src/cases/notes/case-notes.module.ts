import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module';
import { CasesModule } from '../core/cases.module';
import { CaseNotesController } from './case-notes.controller';
import { CaseNotesRepository } from './case-notes.repository';
import { CaseNotesService } from './case-notes.service';

@Module({
  imports: [AuditModule, CasesModule],
  controllers: [CaseNotesController],
  providers: [CaseNotesRepository, CaseNotesService],
})
export class CaseNotesModule {}
