import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { AccessRequestsModule } from '../approvals/access-requests.module';
import { AuthModule } from '../auth/auth.module';
import { RolesController } from './roles.controller';
import { RolesRepository } from './roles.repository';
import { RolesService } from './roles.service';

@Module({
  imports: [AuditModule, AccessRequestsModule, AuthModule],
  controllers: [RolesController],
  providers: [RolesService, RolesRepository],
  exports: [RolesRepository, RolesService],
})
export class RolesModule {}
