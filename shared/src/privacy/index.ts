// The privacy area's shared types, options and rules (retention and erasure on request, Law 1581 of 2012).
export * from './privacy-options';
export * from './retention-rules';
export * from './erasure-approval';
export * from './privacy-api';
