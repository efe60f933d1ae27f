export * from './protocol';
export * from './responses';
export * from './wire';
export * from './client';
export * from './events';
