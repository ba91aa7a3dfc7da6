import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CaseCoreModule } from '../core';
import { CaseNotesController } from './case-notes.controller';
import { CaseNotesRepository } from './case-notes.repository';
import { CaseNotesService } from './case-notes.service';

@Module({
  imports: [AuditModule, CaseCoreModule],
  controllers: [CaseNotesController],
  providers: [CaseNotesRepository, CaseNotesService],
})
export class CaseNotesModule {}
