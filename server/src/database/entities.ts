import { AuditEventEntity } from '../audit/audit-event.entity';
import { AuditSealEntity } from '../audit/audit-seal.entity';
import { SessionEntity } from '../auth/session.entity';
import { InstitutionEntity } from '../institutions/institution.entity';
import { RoleEntity } from '../roles/role.entity';
import { UserEntity } from '../users/user.entity';

/** Every TypeORM entity. A new entity is added here, and its table comes from a migration. */
export const ENTITIES = [InstitutionEntity, RoleEntity, UserEntity, SessionEntity, AuditEventEntity, AuditSealEntity];
