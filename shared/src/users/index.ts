export * from './users-api';
export * from './access-requests-api';
