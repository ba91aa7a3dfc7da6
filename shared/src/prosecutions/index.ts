// The prosecutions area's shared types, options and state machines.
export * from './prosecution-options';
export * from './defendant-stage';
export * from './nunc';
export * from './prosecution-errors';
export * from './prosecutions-api';
