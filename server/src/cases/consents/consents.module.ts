import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CaseCoreModule } from '../core';
import { InstitutionsModule } from '@ruta/identity';
import { ConsentsController } from './consents.controller';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';

@Module({
  imports: [AuditModule, CaseCoreModule, InstitutionsModule],
  controllers: [ConsentsController],
  providers: [ConsentsRepository, ConsentsService],
  exports: [ConsentsService],
})
export class ConsentsModule {}
