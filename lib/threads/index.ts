export * from './working-days';
export * from './follow-up';
export * from './link';
export * from './open-link';
export * from './mail-date';
export * from './read';
export * from './label';
