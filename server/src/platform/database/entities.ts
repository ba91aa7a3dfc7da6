import { AuditEventEntity } from '../audit/audit-event.entity';
import { AuditSealEntity } from '../audit/audit-seal.entity';
import { SessionEntity } from '../../identity/auth/session.entity';
import { InstitutionEntity } from '../../identity/institutions/institution.entity';
import { RoleEntity } from '../../identity/roles/role.entity';
import { UserEntity } from '../../identity/users/user.entity';
import { PlaceEntity } from '../../places/place.entity';
import { CaseEntity } from '../../cases/core/case.entity';
import { CaseAssignmentEntity } from '../../cases/core/case-assignment.entity';
import { CaseStatusTransitionEntity } from '../../cases/core/case-status-transition.entity';
import { VictimEntity } from '../../cases/core/victim.entity';
import { VictimLocationEntity } from '../../cases/core/victim-location.entity';
import { ScreeningEntity } from '../../cases/core/screening.entity';
import { TraffickingEventEntity } from '../../cases/core/trafficking-event.entity';
import { ConsentEntity } from '../../cases/consents/consent.entity';
import { CaseNoteEntity } from '../../cases/notes/case-note.entity';
import { CaseDocumentEntity } from '../../cases/documents/case-document.entity';
import { SavedFilterEntity } from '../../cases/saved-filters/saved-filter.entity';
import { CaseLinkRequestEntity } from '../../cases/links/case-link-request.entity';
import { CaseLinkEntity } from '../../cases/links/case-link.entity';
import { CaseDraftEntity } from '../../cases/drafts/case-draft.entity';

/** Every TypeORM entity. A new entity is added here, and its table comes from a migration. */
export const ENTITIES = [InstitutionEntity, RoleEntity, UserEntity, SessionEntity, AuditEventEntity, AuditSealEntity,
  PlaceEntity, CaseEntity, CaseAssignmentEntity, CaseStatusTransitionEntity, VictimEntity, VictimLocationEntity, ScreeningEntity,
  TraffickingEventEntity, ConsentEntity, CaseNoteEntity, CaseDocumentEntity, SavedFilterEntity,
  CaseLinkRequestEntity, CaseLinkEntity, CaseDraftEntity];
