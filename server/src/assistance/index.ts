// The assistance area's public face. Other areas import only what is exported here (lint enforces it).
export * from './assistance.module';
export * from './assistance.entities';
export * from './assistance.seed';
// For the indicators area: the one definition of "victims assisted" and its counts.
export { AssistanceCountsService } from './reporting/assistance-counts.service';
export { PhaseTimers, ASSISTANCE_PHASE_LOCK } from './timers/phase-timers';
