// The places area's public face: DIVIPOLA departments and municipalities, countries.
export * from './places.module';
export * from './places.entities';
export * from './places.service';
export * from './place.entity';
export * from './countries';
