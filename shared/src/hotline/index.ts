// The hotline area's shared types, options and state machines.
export * from './hotline-options';
export * from './hotline-status';
export * from './hotline-api';
