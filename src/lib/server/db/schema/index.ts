export * from './users';
export * from './couples';
export * from './today';
