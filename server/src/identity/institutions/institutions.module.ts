import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsRepository } from './institutions.repository';
import { InstitutionsService } from './institutions.service';

@Module({
  imports: [AuditModule],
  controllers: [InstitutionsController],
  providers: [InstitutionsService, InstitutionsRepository],
  exports: [InstitutionsRepository],
})
export class InstitutionsModule {}
