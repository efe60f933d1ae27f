export * from './steps';
export * from './deal';
export * from './next-step';
export * from './metrics';
