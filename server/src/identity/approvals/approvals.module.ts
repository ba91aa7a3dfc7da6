import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { RolesModule } from '../roles/roles.module';
import { UsersModule } from '../users/users.module';
import { AccessRequestsController } from './access-requests.controller';
import { AccessRequestsModule } from './access-requests.module';
import { ApprovalsService } from './approvals.service';

/**
 * Four eyes on protected access: a second administrator approves or refuses what the roles and users features filed
 * (through AccessRequestsModule) instead of applying.
 */
@Module({
  imports: [AuditModule, AccessRequestsModule, RolesModule, UsersModule],
  controllers: [AccessRequestsController],
  providers: [ApprovalsService],
})
export class ApprovalsModule {}
