import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { AccessRequestsRepository } from './access-requests.repository';
import { AccessRequestsService } from './access-requests.service';

/** Filing and listing four-eyes requests: what the roles and users features use to hold back a protected change. */
@Module({
  imports: [AuditModule],
  providers: [AccessRequestsRepository, AccessRequestsService],
  exports: [AccessRequestsService],
})
export class AccessRequestsModule {}
