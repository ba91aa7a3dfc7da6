// The area's TypeORM entities, gathered by server/src/entities.ts.
export const ASSISTANCE_ENTITIES: (new () => object)[] = [];
