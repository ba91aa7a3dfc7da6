// The prosecutions area's public face. Other areas import only what is exported here (lint enforces it).
export * from './prosecutions.module';
export * from './prosecutions.entities';
export * from './prosecutions.seed';
// The start-up step that encrypts and indexes the alleged traffickers' identity (server/src/seeds.ts, before fieldEncryptionSeed).
export { traffickerIdentitySeed } from './traffickers/trafficker-identity';
// For the indicators area: the one definition of the justice indicators (import ProsecutionsModule to inject it).
export { indicatorPeriod, JusticeIndicatorsService } from './indicators/justice-indicators.service';
// For the query-plan test: the statements of the indicators.
export { JUSTICE_INDICATOR_SQL } from './indicators/justice-indicators.repository';
export { PROCEEDING_HISTORY_SQL } from './proceedings/proceedings.repository';
// For the query-plan test: a page of the operations list.
export { OPERATIONS_PAGE_SQL } from './operations/operations.repository';
