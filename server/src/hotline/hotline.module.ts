import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CasesModule } from '@ruta/cases';
import { PlacesModule } from '@ruta/places';
import { ReferralsModule } from '@ruta/referrals';
import { CallerPhone } from './contacts/caller-phone';
import { HotlineContactsRepository } from './contacts/hotline-contacts.repository';
import { HotlineContactsService } from './contacts/hotline-contacts.service';
import { CaseHotlineContactsController, HotlineController } from './hotline.controller';
import { HotlineImportJob } from './imports/hotline-import.job';
import { HotlineImportsRepository } from './imports/hotline-imports.repository';
import { HotlineImportsService } from './imports/hotline-imports.service';
import { HotlineStatsRepository, HotlineStatsService } from './stats/hotline-stats.service';

/**
 * The national hotline: contacts (intake, triage, crisis, outcomes through the referrals and cases areas), the
 * call-log import job, and the statistics.
 */
@Module({
  imports: [AuditModule, CasesModule, PlacesModule, ReferralsModule],
  controllers: [HotlineController, CaseHotlineContactsController],
  providers: [CallerPhone, HotlineContactsRepository, HotlineContactsService, HotlineImportsRepository, HotlineImportsService, HotlineImportJob, HotlineStatsRepository, HotlineStatsService],
})
export class HotlineModule {}
