import { ExportJobEntity } from './exports/export-job.entity';

// The area's TypeORM entities, gathered by server/src/entities.ts.
export const INDICATORS_ENTITIES: (new () => object)[] = [ExportJobEntity];
