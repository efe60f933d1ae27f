export * from './schema';
export * from './defaults';
export * from './fill';
export * from './questions';
export * from './pick';
export * from './bundle';
export * from './answers';
export * from './sent';
