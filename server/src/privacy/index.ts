// The privacy area's public face. Other areas import only what is exported here (lint enforces it).
export * from './privacy.module';
export * from './privacy.entities';
export * from './privacy.seed';
export { RetentionJob, PRIVACY_RETENTION_LOCK } from './retention/retention.job';
export { ERASURE_COLUMNS } from './erase/erasure-columns';
