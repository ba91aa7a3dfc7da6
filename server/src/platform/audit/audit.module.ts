import { Module } from '@nestjs/common';
import { AuditSealer } from './audit-sealer.service';
import { AuditTrailService } from './audit-trail.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditSealer, AuditRepository, AuditTrailService],
  exports: [AuditService, AuditSealer],
})
export class AuditModule {}
