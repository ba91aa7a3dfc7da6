import { Module } from '@nestjs/common';
import { RutaConfig } from '../config/config';
import { RUTA_CONFIG } from '../config/config.token';
import { AuditAnchors } from './audit-anchors';
import { AuditSealer } from './audit-sealer.service';
import { AuditTrailService } from './audit-trail.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditSealer,
    AuditRepository,
    AuditTrailService,
    { provide: AuditAnchors, useFactory: (config: RutaConfig) => AuditAnchors.fromConfig(config), inject: [RUTA_CONFIG] },
  ],
  exports: [AuditService, AuditSealer],
})
export class AuditModule {}
