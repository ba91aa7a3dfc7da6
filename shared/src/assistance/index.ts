// The assistance area's shared types, options and state machines.
export * from './assistance-options';
export * from './assistance-rules';
export * from './assistance-api';
