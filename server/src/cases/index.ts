// The cases area's public face. Other areas import only what is exported here (lint enforces it).
export * from './cases.module';
export * from './cases.entities';
export * from './cases.seed';
// The start-up step that indexes and encrypts victims' identity left in clear (after the field-encryption seed).
export { victimIdentitySeed } from './core/victim-identity-index';
export { CaseAccessService, CaseEntity, CaseRecordsRepository, CasesRepository, toEventView, toVictimView, VictimsRepository } from './core';
// For the assistance area: the status machine's hooks (phase timers, the closure gate) and the move itself.
export { CaseStatusService, CaseTransitionHooks } from './core';
// For assistance's "my day": the record scope written into its statements, so that the cases' indexes drive them.
export { caseScopeCondition } from './core/case-scope';
export type { CaseTransitionHook, PlannedTransition } from './core';
export { ConsentsService } from './consents';
// For the referrals area: the tables a referral points at, and the check of the case's documents.
export { ConsentEntity } from './consents/consent.entity';
export { CaseDocumentEntity } from './documents/case-document.entity';
