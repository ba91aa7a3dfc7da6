export * from './institutions';
