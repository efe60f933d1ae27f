export * from './types';
export * from './schema';
export * from './evaluate';
export { DEFAULT_PROFILE } from './default-profile';
export { isUnsafePattern } from './safe-regex';
