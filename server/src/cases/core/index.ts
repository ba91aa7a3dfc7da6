// The case core's public face for the other case sub-features (intake, consents, notes, documents, ...).
export * from './case-core.module';
export * from './case-access.service';
export * from './case-derivations';
export * from './case-details.service';
export * from './case-records.repository';
export * from './case-status.service';
export * from './case-transition-hooks';
export type { PlannedTransition } from './case-state-machine';
export * from './case-views';
export * from './case-write-support.service';
export * from './case.entity';
export * from './cases.repository';
export * from './search-terms';
export * from './victim-identity.service';
export * from './victims.repository';
export * from './dto/case-inputs.dto';
export * from './dto/case-requests.dto';
