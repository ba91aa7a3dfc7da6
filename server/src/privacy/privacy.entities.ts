import { ErasureRequestEntity } from './erasure/erasure-request.entity';
import { RetentionItemEntity } from './retention/retention-item.entity';
import { RetentionSettingEntity } from './retention/retention-setting.entity';

// The area's TypeORM entities, gathered by server/src/entities.ts.
export const PRIVACY_ENTITIES: (new () => object)[] = [RetentionSettingEntity, RetentionItemEntity, ErasureRequestEntity];
