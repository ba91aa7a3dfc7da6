import { Module } from '@nestjs/common';
import { ConsentsModule } from './consents';
import { CaseCoreModule } from './core';
import { CaseDocumentsModule } from './documents/case-documents.module';
import { CaseDraftsModule } from './drafts/case-drafts.module';
import { CaseIntakeModule } from './intake';
import { CaseLinkRequestsModule } from './links/case-link-requests.module';
import { CaseNotesModule } from './notes/case-notes.module';
import { SavedFiltersModule } from './saved-filters/saved-filters.module';
import { CaseTimelineModule } from './timeline/case-timeline.module';

const CASE_FEATURES = [CaseCoreModule, CaseIntakeModule, ConsentsModule, CaseNotesModule, CaseDocumentsModule, CaseTimelineModule,
  SavedFiltersModule, CaseLinkRequestsModule, CaseDraftsModule];

/**
 * Victim cases: one area, one module that gathers its sub-features. Other areas (referrals, assistance, ...) import
 * this module for the per-record case check (`CaseAccessService`) and the consent gate (`ConsentsService`).
 */
@Module({
  imports: CASE_FEATURES,
  exports: [CaseCoreModule, ConsentsModule],
})
export class CasesModule {}
