import { OperationEntity } from './operations/operation.entity';

// The area's TypeORM entities, gathered by server/src/entities.ts. So far only operations: the other tables (migration
// 1764404400000-Prosecutions) are read and written with set-based SQL and have no entity to keep in step yet.
export const PROSECUTIONS_ENTITIES: (new () => object)[] = [OperationEntity];
