import { AuditEventEntity } from './audit/audit-event.entity';
import { AuditSealEntity } from './audit/audit-seal.entity';

/** The platform's TypeORM entities; the app gathers every area's list in `server/src/entities.ts`. */
export const PLATFORM_ENTITIES = [AuditEventEntity, AuditSealEntity];
