import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CaseDraftsController } from './case-drafts.controller';
import { CaseDraftsRepository } from './case-drafts.repository';
import { CaseDraftsService } from './case-drafts.service';

@Module({
  imports: [AuditModule],
  controllers: [CaseDraftsController],
  providers: [CaseDraftsRepository, CaseDraftsService],
})
export class CaseDraftsModule {}
