export * from './types';
export { detectContacts, type DetectOptions } from './detect';
export { guessRegion } from './region';
export { looksLikePersonName } from './dom';
export { splitTitleCompany } from './sources/page-anchors';
export { combineContacts } from './merge';
