export * from './users';
export * from './couples';
