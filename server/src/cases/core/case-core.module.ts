import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { PlacesModule } from '@ruta/places';
import { CaseAccessService } from './case-access.service';
import { CaseAssignmentsService } from './case-assignments.service';
import { CaseDetailsService } from './case-details.service';
import { CaseEditsService } from './case-edits.service';
import { CaseRecordsRepository } from './case-records.repository';
import { CaseSearchRepository } from './case-search.repository';
import { CaseSearchService } from './case-search.service';
import { CaseStatsRepository } from './case-stats.repository';
import { CaseStatsService } from './case-stats.service';
import { CaseStatusService } from './case-status.service';
import { CaseTransitionHooks } from './case-transition-hooks';
import { CaseWriteSupport } from './case-write-support.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { VictimIdentityService } from './victim-identity.service';
import { VictimsRepository } from './victims.repository';

/** Cases, victims' identity, screening and situation; exports the per-record access check for case sub-features. */
@Module({
  imports: [AuditModule, PlacesModule],
  controllers: [CasesController],
  providers: [
    CaseAccessService,
    CasesRepository,
    CaseRecordsRepository,
    VictimsRepository,
    CaseSearchRepository,
    CaseWriteSupport,
    CaseDetailsService,
    CaseSearchService,
    CaseEditsService,
    VictimIdentityService,
    CaseStatusService,
    CaseTransitionHooks,
    CaseAssignmentsService,
    CaseStatsRepository,
    CaseStatsService,
  ],
  exports: [CaseAccessService, CaseStatusService, CaseTransitionHooks, CasesRepository, CaseRecordsRepository, VictimsRepository, CaseDetailsService, CaseWriteSupport],
})
export class CaseCoreModule {}
