import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { AccessRequestsModule } from '../approvals/access-requests.module';
import { RolesController } from './roles.controller';
import { RolesRepository } from './roles.repository';
import { RolesService } from './roles.service';

@Module({
  imports: [AuditModule, AccessRequestsModule],
  controllers: [RolesController],
  providers: [RolesService, RolesRepository],
  exports: [RolesRepository, RolesService],
})
export class RolesModule {}
