// The area's TypeORM entities, gathered by server/src/entities.ts. None: the prosecutions repositories read and write
// their tables (migration 1764404400000-Prosecutions) with set-based SQL, so there is no entity to keep in step.
export const PROSECUTIONS_ENTITIES: (new () => object)[] = [];
