// The area's TypeORM entities, gathered by server/src/entities.ts.
export const PROSECUTIONS_ENTITIES: (new () => object)[] = [];
