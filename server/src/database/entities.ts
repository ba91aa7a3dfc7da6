import { AuditEventEntity } from '../audit/audit-event.entity';
import { AuditSealEntity } from '../audit/audit-seal.entity';
import { SessionEntity } from '../auth/session.entity';
import { InstitutionEntity } from '../institutions/institution.entity';
import { RoleEntity } from '../roles/role.entity';
import { UserEntity } from '../users/user.entity';
import { PlaceEntity } from '../places/place.entity';
import { CaseEntity } from '../cases/case.entity';
import { CaseAssignmentEntity } from '../cases/case-assignment.entity';
import { CaseStatusTransitionEntity } from '../cases/case-status-transition.entity';
import { VictimEntity } from '../cases/victim.entity';
import { VictimLocationEntity } from '../cases/victim-location.entity';
import { ScreeningEntity } from '../cases/screening.entity';
import { TraffickingEventEntity } from '../cases/trafficking-event.entity';
import { ConsentEntity } from '../consents/consent.entity';
import { CaseNoteEntity } from '../case-notes/case-note.entity';
import { CaseDocumentEntity } from '../case-documents/case-document.entity';
import { SavedFilterEntity } from '../saved-filters/saved-filter.entity';
import { CaseLinkRequestEntity } from '../case-link-requests/case-link-request.entity';
import { CaseLinkEntity } from '../case-link-requests/case-link.entity';
import { CaseDraftEntity } from '../case-drafts/case-draft.entity';

/** Every TypeORM entity. A new entity is added here, and its table comes from a migration. */
export const ENTITIES = [InstitutionEntity, RoleEntity, UserEntity, SessionEntity, AuditEventEntity, AuditSealEntity,
  PlaceEntity, CaseEntity, CaseAssignmentEntity, CaseStatusTransitionEntity, VictimEntity, VictimLocationEntity, ScreeningEntity,
  TraffickingEventEntity, ConsentEntity, CaseNoteEntity, CaseDocumentEntity, SavedFilterEntity,
  CaseLinkRequestEntity, CaseLinkEntity, CaseDraftEntity];
