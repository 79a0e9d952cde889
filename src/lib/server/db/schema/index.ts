export * from './users';
export * from './couples';
export * from './today';
export * from './security';
export * from './lock';
export * from './conversations';
