export * from './common';
export * from './access';
export * from './institutions';
export * from './http';
export * from './auth';
export * from './users';
export * from './audit';
export * from './cases';
