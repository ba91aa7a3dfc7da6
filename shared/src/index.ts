export * from './access/permissions';
export * from './access/record-scope';
export * from './access/roles';
export * from './institutions/institutions';
export * from './http/problem';
export * from './auth/auth-api';
export * from './users/users-api';
export * from './audit/audit-api';
