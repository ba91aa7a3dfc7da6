import { InstitutionEntity } from '../institutions/institution.entity';

/** Every TypeORM entity. A new entity is added here, and its table comes from a migration. */
export const ENTITIES = [InstitutionEntity];
