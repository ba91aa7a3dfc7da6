export * from './permissions';
export * from './record-scope';
export * from './roles';
export * from './protected-access';
