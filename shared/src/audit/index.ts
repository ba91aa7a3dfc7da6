export * from './audit-api';
export * from './audit-entity-types';
