export * from './schema';
export * from './errors';
export * from './open';
export * from './migrations';
export * from './contacts';
export * from './deals';
export * from './activities';
export * from './settings';
