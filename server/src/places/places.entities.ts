import { PlaceEntity } from './place.entity';

export const PLACES_ENTITIES = [PlaceEntity];
