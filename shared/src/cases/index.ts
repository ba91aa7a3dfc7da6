// Closed lists (labelled codes) and the rules over them.
export * from './case-options';
export * from './case-status';
export * from './situation-options';
export * from './screening-options';
export * from './victim-options';
export * from './consent-options';
export * from './document-options';

// The cases API, one sub-feature per file.
export * from './case-core-api';
export * from './case-assignments-api';
export * from './case-search-api';
export * from './intake-api';
export * from './screening-api';
export * from './victim-api';
export * from './situation-api';
export * from './duplicates-api';
export * from './consents-api';
export * from './notes-api';
export * from './documents-api';
export * from './timeline-api';
export * from './saved-filters-api';
export * from './case-links-api';
export * from './case-stats-api';
export * from './case-drafts-api';
