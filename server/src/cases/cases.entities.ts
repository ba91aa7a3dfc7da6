import { ConsentEntity } from './consents/consent.entity';
import { CaseAssignmentEntity } from './core/case-assignment.entity';
import { CaseStatusTransitionEntity } from './core/case-status-transition.entity';
import { CaseEntity } from './core/case.entity';
import { ScreeningEntity } from './core/screening.entity';
import { TraffickingEventEntity } from './core/trafficking-event.entity';
import { VictimLocationEntity } from './core/victim-location.entity';
import { VictimEntity } from './core/victim.entity';
import { CaseDocumentEntity } from './documents/case-document.entity';
import { CaseDraftEntity } from './drafts/case-draft.entity';
import { CaseLinkRequestEntity } from './links/case-link-request.entity';
import { CaseLinkEntity } from './links/case-link.entity';
import { CaseNoteEntity } from './notes/case-note.entity';
import { UserQuotaEntity } from './quotas/user-quota.entity';
import { SavedFilterEntity } from './saved-filters/saved-filter.entity';

export const CASES_ENTITIES = [CaseEntity, CaseAssignmentEntity, CaseStatusTransitionEntity, VictimEntity, VictimLocationEntity,
  ScreeningEntity, TraffickingEventEntity, ConsentEntity, CaseNoteEntity, CaseDocumentEntity, SavedFilterEntity,
  CaseLinkRequestEntity, CaseLinkEntity, CaseDraftEntity, UserQuotaEntity];
