export * from './permissions';
export * from './record-scope';
export * from './roles';
