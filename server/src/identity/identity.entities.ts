import { AccessChangeRequestEntity } from './approvals/access-change-request.entity';
import { SessionEntity } from './auth/session.entity';
import { InstitutionEntity } from './institutions/institution.entity';
import { RoleEntity } from './roles/role.entity';
import { UserEntity } from './users/user.entity';

export const IDENTITY_ENTITIES = [InstitutionEntity, RoleEntity, UserEntity, SessionEntity, AccessChangeRequestEntity];
