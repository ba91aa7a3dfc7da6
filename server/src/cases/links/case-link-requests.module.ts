import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CaseCoreModule } from '../core';
import { CaseLinkRequestsRepository } from './case-link-requests.repository';
import { CaseLinksController } from './case-links.controller';
import { CaseLinksService } from './case-links.service';
import { LinkRequestInboxService } from './link-request-inbox.service';
import { LinkRequestsController } from './link-requests.controller';

/** Link requests between institutions for possible duplicates (issue 4, item 7), and the case links they create. */
@Module({
  imports: [AuditModule, CaseCoreModule],
  controllers: [CaseLinksController, LinkRequestsController],
  providers: [CaseLinkRequestsRepository, CaseLinksService, LinkRequestInboxService],
})
export class CaseLinkRequestsModule {}
