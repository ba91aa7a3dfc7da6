// The indicators area's public face. Other areas import only what is exported here (lint enforces it).
export * from './indicators.module';
export * from './indicators.entities';
export * from './indicators.seed';
export { ExportJob, EXPORT_JOB_LOCK, EXPORT_LEASE_MS } from './exports/export.job';
export { IndicatorSnapshotJob, INDICATOR_SNAPSHOT_LOCK } from './snapshots/indicator-snapshot.job';
export { IndicatorsRepository } from './indicators.repository';
export { IndicatorRegistry } from './definitions/indicator-registry';
export type { IndicatorDefinition, IndicatorProvider } from './definitions/indicator-definition';
export { INDICATOR_PROVIDERS } from './definitions/indicator-definition';
