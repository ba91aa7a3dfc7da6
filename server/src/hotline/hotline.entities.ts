import { HotlineContactEntity } from './contacts/hotline-contact.entity';
import { HotlineImportEntity } from './imports/hotline-import.entity';

// The area's TypeORM entities, gathered by server/src/entities.ts.
export const HOTLINE_ENTITIES: (new () => object)[] = [HotlineContactEntity, HotlineImportEntity];
