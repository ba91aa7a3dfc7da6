import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module';
import { CasesModule } from '../core/cases.module';
import { InstitutionsModule } from '../../identity/institutions/institutions.module';
import { ConsentsController } from './consents.controller';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';

@Module({
  imports: [AuditModule, CasesModule, InstitutionsModule],
  controllers: [ConsentsController],
  providers: [ConsentsRepository, ConsentsService],
  exports: [ConsentsService],
})
export class ConsentsModule {}
