// Quotas' public face for the other case sub-features.
export * from './user-quotas.module';
export * from './user-quotas.service';
