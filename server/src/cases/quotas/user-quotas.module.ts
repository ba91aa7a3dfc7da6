import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { UserQuotasRepository } from './user-quotas.repository';
import { UserQuotasService } from './user-quotas.service';

/** Per-user quotas of the case sub-features (duplicate checks, document uploads). */
@Module({
  imports: [AuditModule],
  providers: [UserQuotasRepository, UserQuotasService],
  exports: [UserQuotasService],
})
export class UserQuotasModule {}
