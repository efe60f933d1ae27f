export * from './types';
export * from './schema';
export * from './evaluate';
export { DEFAULT_PROFILE } from './default-profile';
export { compileLinearPattern } from './linear-regex';
