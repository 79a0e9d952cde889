export * from './users';
export * from './couples';
export * from './today';
export * from './conversations';
