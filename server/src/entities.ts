import { PLATFORM_ENTITIES } from '@ruta/platform';
import { IDENTITY_ENTITIES } from '@ruta/identity';
import { PLACES_ENTITIES } from '@ruta/places';
import { CASES_ENTITIES } from '@ruta/cases';
import { REFERRALS_ENTITIES } from '@ruta/referrals';
import { ASSISTANCE_ENTITIES } from '@ruta/assistance';
import { PROSECUTIONS_ENTITIES } from '@ruta/prosecutions';
import { HOTLINE_ENTITIES } from '@ruta/hotline';
import { INDICATORS_ENTITIES } from '@ruta/indicators';
import { PRIVACY_ENTITIES } from '@ruta/privacy';

/** Every TypeORM entity, gathered from the areas. A new entity joins its area's list; its table comes from a migration. */
export const ENTITIES = [...PLATFORM_ENTITIES, ...IDENTITY_ENTITIES, ...PLACES_ENTITIES, ...CASES_ENTITIES, ...REFERRALS_ENTITIES, ...ASSISTANCE_ENTITIES, ...PROSECUTIONS_ENTITIES, ...HOTLINE_ENTITIES, ...INDICATORS_ENTITIES, ...PRIVACY_ENTITIES];
