// The area's TypeORM entities, gathered by server/src/entities.ts.
export const HOTLINE_ENTITIES: (new () => object)[] = [];
